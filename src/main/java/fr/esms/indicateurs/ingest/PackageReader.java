package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.rules.Finess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads one export package in the pivot format, validates every row and streams what it finds to a
 * {@link PackageVisitor}. It never loads a whole file in memory.
 *
 * <p>Order of the calls: either a single {@link PackageVisitor#packageRejected} (unsafe or corrupt zip, no or bad
 * {@code export.csv}), or {@link PackageVisitor#manifest}, the manifest's and the package's warnings (unknown
 * columns of {@code export.csv}, ignored files), then for each data file
 * present, in {@link PivotFile} order, its rows, rejections and warnings followed by its
 * {@link PackageVisitor#fileRead}.
 *
 * <p>A file is decoded and parsed once before any of its rows is handed out, so a file rejected whole (not
 * UTF-8, invalid CSV, no header, missing or doubled required column) gives no row, only its {@link Rejection}s
 * (line 0) and a {@link FileSummary} with {@code rejectedWhole} set and zero counts; the other files are still
 * read. The entries of a zip are checked against their declared size and CRC before anything is handed out.
 *
 * <p>A row is rejected on its <em>first</em> problem, looking at its columns in the order of the spec's table,
 * then at the checks between columns ({@code date_sortie} before {@code date_entree}...). Lines are physical lines
 * of the file, the header being line 1; a row whose quoted value spans several lines has the line it starts on.
 * Values are trimmed; an empty value is absent. Rows whose fields are all empty are skipped (one warning per file
 * says how many). A row with more fields than the header (other than empty trailing fields) or fewer is rejected.
 */
public final class PackageReader {

    static final String NO_MANIFEST = "paquet sans export.csv : rejeté en entier";
    /**
     * The French time zone furthest ahead where ESSMS send exports (La Réunion): an export dated in its editor's
     * own day there is never "in the future" for a machine in metropolitan France.
     */
    private static final ZoneOffset LATEST_FRENCH_OFFSET = ZoneOffset.ofHours(4);
    private static final int MAX_IGNORED_FILE_WARNINGS = 20;

    private final Predicate<String> inReferential;
    private final ZipLimits limits;
    private final EditorProfiles profiles;
    /** The profile the operator named for every package, or null to recognise each package's. */
    private final EditorProfile forced;
    /** Gives the day of the ingestion, which no {@code date_extraction} may pass. */
    private final Clock clock;
    /** The other format a package may hold (TDDUI), or null when only the pivot format is read. */
    private final PackageFormat other;

    /** @param inReferential whether a (well-formed) FINESS géographique is an ESSMS of the referential */
    public PackageReader(Predicate<String> inReferential) {
        this(inReferential, EditorProfiles.none(), null);
    }

    /**
     * @param profiles the editor profiles a package may be recognised by (the pivot format otherwise)
     * @param forced   the profile to apply to every package, or null
     */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced) {
        this(inReferential, profiles, forced, Clock.systemDefaultZone());
    }

    /** @param clock the day of the ingestion, for the check of {@code date_extraction} */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                         Clock clock) {
        this(inReferential, profiles, forced, clock, null);
    }

    /** @param other the other format a package may hold (TDDUI), recognised before the profiles; or null */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                         PackageFormat other) {
        this(inReferential, profiles, forced, Clock.systemDefaultZone(), other);
    }

    /**
     * @param clock the day of the ingestion, for the check of {@code date_extraction}
     * @param other the other format a package may hold (TDDUI), recognised before the profiles; or null
     */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                         Clock clock, PackageFormat other) {
        this(inReferential, profiles, forced, DepotScanner.DEFAULT_MAX_UNCOMPRESSED_BYTES,
                DepotScanner.DEFAULT_MAX_ENTRIES, clock, other);
    }

    /** With the zip limits of {@link DepotScanner#DepotScanner(long, int)}, checked again here. */
    public PackageReader(Predicate<String> inReferential, long maxUncompressedBytes, int maxEntries) {
        this(inReferential, EditorProfiles.none(), null, maxUncompressedBytes, maxEntries,
                Clock.systemDefaultZone(), null);
    }

    private PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                          long maxUncompressedBytes, int maxEntries, Clock clock, PackageFormat other) {
        this.clock = clock;
        this.other = other;
        this.inReferential = inReferential;
        this.profiles = profiles;
        this.forced = forced;
        this.limits = new ZipLimits(maxUncompressedBytes, maxEntries);
    }

    /**
     * @throws UncheckedIOException when the package cannot be read from disk (missing, I/O error): an operational
     *                              failure, not a verdict on the package
     */
    public void read(ExportPackage pkg, PackageVisitor visitor) {
        try (PackageContent content = PackageContent.open(pkg.source(), limits)) {
            if (other != null && other.recognises(content.files())) {
                other.read(pkg.name(), content, visitor);
            } else {
                read(pkg.name(), content, visitor);
            }
        } catch (PackageRefusedException e) {
            visitor.packageRejected(new Rejection(pkg.name(), "", 0, "", "",
                    e.getMessage() + " : paquet rejeté en entier"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read package " + pkg.name() + " (" + pkg.source() + ")", e);
        }
    }

    /** Reads content already opened, in the pivot format (the CSV files a TDDUI package may hold beside). */
    public void read(String packageName, PackageContent content, PackageVisitor visitor) throws IOException {
        new Run(packageName, content, visitor).read();
    }

    /** The reading of one package. */
    private final class Run {

        private final String packageName;
        private final PackageContent content;
        private final PackageVisitor visitor;
        /** Files of the package folder by lower-case name. */
        private final Map<String, String> files = new TreeMap<>();

        Run(String packageName, PackageContent content, PackageVisitor visitor) {
            this.packageName = packageName;
            this.content = content;
            this.visitor = visitor;
            content.files().forEach(name -> files.put(name.toLowerCase(Locale.ROOT), name));
        }

        void read() throws IOException {
            String pivotManifest = files.get(PackageContent.MANIFEST);
            EditorProfile profile = forced;
            Manifest manifest = null;
            List<Notice> manifestWarnings = new ArrayList<>();
            if (profile == null) {
                List<EditorProfile> byFiles = profiles.recognisingFiles(content.files());
                if (byFiles.size() > 1) {
                    rejectAmbiguous(byFiles);
                    return;
                }
                profile = byFiles.isEmpty() ? null : byFiles.get(0);
            }
            if (profile == null && pivotManifest != null) {
                // Only the manifest can tell: an editor may write a pivot export.csv and its own data files.
                manifest = readManifest(EditorProfile.PIVOT, pivotManifest, manifestWarnings);
                if (manifest == null) {
                    return;
                }
                List<EditorProfile> byEditor = profiles.recognisingEditor(manifest.editor());
                if (byEditor.size() > 1) {
                    rejectAmbiguous(byEditor);
                    return;
                }
                profile = byEditor.isEmpty() ? EditorProfile.PIVOT : byEditor.get(0);
            }
            if (profile == null) {
                visitor.packageRejected(new Rejection(packageName, PackageContent.MANIFEST, 0, "", "",
                        profiles.isEmpty() ? NO_MANIFEST
                                : "paquet sans export.csv qu'aucun profil éditeur ne reconnaît (profils : "
                                + profiles.names() + ") : rejeté en entier"));
                return;
            }
            if (manifest == null) {
                String manifestFile = profile.manifest() == null ? pivotManifest
                        : profile.manifest().pattern() == null ? null : single(profile.manifest().pattern());
                if (profile.manifest() == null && pivotManifest == null) {
                    visitor.packageRejected(new Rejection(packageName, PackageContent.MANIFEST, 0, "", "",
                            "le " + profile.label() + " attend un export.csv au format pivot, absent du paquet :"
                                    + " rejeté en entier"));
                    return;
                }
                if (profile.manifest() != null && profile.manifest().pattern() != null && manifestFile == null) {
                    String glob = profile.manifest().pattern().glob();
                    visitor.packageRejected(new Rejection(packageName, glob, 0, "", "", "le " + profile.label()
                            + " attend un et un seul fichier « " + glob + " » (manifeste) : "
                            + countMatching(profile.manifest().pattern()) + " trouvé(s) : paquet rejeté en entier"));
                    return;
                }
                manifest = readManifest(profile, manifestFile, manifestWarnings);
                if (manifest == null) {
                    return;
                }
            }
            Map<String, PivotFile> dataFiles = dataFiles(profile);
            if (dataFiles == null) {
                return;
            }
            content.verify(dataFiles.keySet());
            visitor.manifest(manifest);
            if (!profile.isPivot()) {
                visitor.warning("", 0, "paquet lu avec le " + profile.label());
            }
            manifestWarnings.forEach(this::warn);
            warnIgnoredFiles(profile, dataFiles.keySet());
            for (Map.Entry<String, PivotFile> e : dataFiles.entrySet()) {
                readDataFile(profile, e.getValue(), e.getKey());
            }
        }

        private void rejectAmbiguous(List<EditorProfile> candidates) {
            visitor.packageRejected(new Rejection(packageName, "", 0, "", "", "plusieurs profils éditeurs"
                    + " reconnaissent ce paquet ("
                    + String.join(", ", candidates.stream().map(EditorProfile::label).toList())
                    + ") : préciser le profil à l'appel (--profil) ou rendre leur reconnaissance plus précise :"
                    + " paquet rejeté en entier"));
        }

        /** The one file matching, or null when none or several do. */
        private String single(FilePattern pattern) {
            List<String> matching = content.files().stream().filter(pattern::matches).toList();
            return matching.size() == 1 ? matching.get(0) : null;
        }

        private long countMatching(FilePattern pattern) {
            return content.files().stream().filter(pattern::matches).count();
        }

        /**
         * The package's files to read, in pivot file order then by name, with the pivot file each one feeds; null
         * (package rejected) when a file matches two pivot files of the profile.
         */
        private Map<String, PivotFile> dataFiles(EditorProfile profile) {
            Map<String, PivotFile> found = new LinkedHashMap<>();
            for (PivotFile file : PivotFile.values()) {
                FileMapping mapping = profile.files().get(file);
                if (mapping == null) {
                    continue;
                }
                for (String name : content.files()) {
                    if (!mapping.pattern().matches(name)) {
                        continue;
                    }
                    PivotFile other = found.putIfAbsent(name, file);
                    if (other != null) {
                        visitor.packageRejected(new Rejection(packageName, name, 0, "", "", "le fichier « " + name
                                + " » répond à deux fichiers du " + profile.label() + " (" + other.fileName() + " et "
                                + file.fileName() + ") : paquet rejeté en entier"));
                        return null;
                    }
                }
            }
            return found;
        }

        private void warnIgnoredFiles(EditorProfile profile, Set<String> dataFiles) {
            Set<String> known = new HashSet<>(dataFiles);
            FileMapping manifestMapping = profile.manifest();
            for (String name : content.files()) {
                if (manifestMapping == null ? name.equalsIgnoreCase(PackageContent.MANIFEST)
                        : manifestMapping.pattern() != null && manifestMapping.pattern().matches(name)) {
                    known.add(name);
                }
            }
            List<Notice> ignored = new ArrayList<>();
            for (String name : content.files()) {
                if (known.contains(name)) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".zip")) {
                    ignored.add(new Notice(name, 0, "archive imbriquée non ouverte : ignorée"));
                } else {
                    ignored.add(new Notice(name, 0, profile.isPivot() ? "fichier inconnu du format pivot : ignoré"
                            : "fichier que le " + profile.label() + " ne décrit pas : ignoré"));
                }
            }
            for (String path : content.outside()) {
                ignored.add(new Notice(path, 0, "fichier hors du dossier du paquet (sa racine ou un seul"
                        + " sous-dossier), ou qui n'est pas un fichier ordinaire : ignoré"));
            }
            for (int i = 0; i < ignored.size(); i++) {
                if (i == MAX_IGNORED_FILE_WARNINGS) {
                    visitor.warning("", 0, "et " + (ignored.size() - i) + " autres fichiers ignorés");
                    break;
                }
                warn(ignored.get(i));
            }
        }

        private void warn(Notice notice) {
            visitor.warning(notice.file(), notice.line(), notice.message());
        }

        // ---------------------------------------------------------------- manifest

        /**
         * The manifest, or null after telling the visitor the package is rejected. {@code name} is null for a
         * manifest made only of the profile's constants and the package's name.
         */
        private Manifest readManifest(EditorProfile profile, String name, List<Notice> warnings) throws IOException {
            FileMapping mapping = profile.manifest() != null ? profile.manifest()
                    : EditorProfile.PIVOT_MANIFEST;
            String shown = name == null ? packageName : profile.manifest() == null ? PackageContent.MANIFEST : name;
            try {
                if (name == null) {
                    MappedColumns columns = MappedColumns.of(mapping, Map.of(), null, packageName);
                    return manifestRow(columns, new CsvTable.Line(0, List.of()), shown, warnings);
                }
                content.verify(List.of(name));
                Opened opened = open(name, mapping, profile.manifest() == null, shown, warnings);
                if (opened.problem() != null) {
                    throw new ManifestProblem(0, "", "", opened.problem());
                }
                try (CsvTable table = opened.table()) {
                    CsvTable.Line headerLine = table.next();
                    if (headerLine == null) {
                        throw new ManifestProblem(0, "", "", "fichier vide (ligne d'en-tête absente)");
                    }
                    Sources sources = Sources.of(mapping, PivotLayout.MANIFEST_REQUIRED, headerLine.values());
                    CsvTable.Header header = sources.header();
                    if (!header.duplicated().isEmpty()) {
                        throw new ManifestProblem(0, String.join(", ", reportable(header.duplicated())), "",
                                "colonne en double dans l'en-tête");
                    }
                    if (!header.missing().isEmpty()) {
                        throw new ManifestProblem(0, String.join(", ", header.missing()), "",
                                "colonne obligatoire absente");
                    }
                    if (!header.unknown().isEmpty()) {
                        warnings.add(new Notice(name, headerLine.number(), unknownColumns(header)));
                    }
                    CsvTable.Line row = table.next();
                    if (row == null) {
                        throw new ManifestProblem(0, "", "", "aucune ligne de données (exactement une attendue)");
                    }
                    long rows = 1;
                    while (table.next() != null) {
                        rows++;
                    }
                    if (rows > 1) {
                        throw new ManifestProblem(0, "", "", rows + " lignes de données (exactement une attendue)");
                    }
                    MappedColumns columns = MappedColumns.of(mapping, header.index(), name, packageName);
                    try {
                        checkWidth(row, header);
                    } catch (RowProblem p) {
                        throw new ManifestProblem(row.number(), p.column(), p.value(), p.reason());
                    }
                    return manifestRow(columns, row, shown, warnings);
                }
            } catch (MappedColumns.FileProblem p) {
                rejectManifest(shown, new ManifestProblem(0, "", "", p.getMessage()));
            } catch (ManifestProblem p) {
                rejectManifest(shown, p);
            }
            return null;
        }

        private Manifest manifestRow(MappedColumns columns, CsvTable.Line row, String shown, List<Notice> warnings)
                throws ManifestProblem {
            try {
                List<Notice> corsican = new ArrayList<>();
                Fields f = new Fields(columns.index(), columns.translate(row.values()), null,
                        (column, value) -> corsican.add(new Notice(shown, row.number(),
                                "FINESS juridique " + value + " : "
                                        + Finess.explain(Finess.Verdict.VALID_KEY_UNCHECKED))));
                f.required("editeur");
                f.required("logiciel");
                String editor = f.freeText("editeur");
                String software = f.freeText("logiciel");
                String version = f.freeText("version_logiciel");
                String finessEj = f.finess("finess_ej");
                LocalDate extraction = f.date("date_extraction");
                LocalDate start = f.date("periode_debut");
                LocalDate end = f.date("periode_fin");
                if (end.isBefore(start)) {
                    throw new RowProblem("periode_fin", f.text("periode_fin"),
                            "fin de période antérieure au début de période (" + start + ")");
                }
                checkExtractionDate(f, extraction, start);
                warnings.addAll(corsican);
                return new Manifest(editor, software, version, finessEj, extraction, start, end);
            } catch (RowProblem p) {
                throw new ManifestProblem(row.number(), columns.sourceOf(p.column()),
                        columns.editorValue(p.column(), row.values(), p.value()), p.reason());
            }
        }

        /**
         * Exports combine by {@code date_extraction}, the latest winning: a date in the future would outrank every
         * later correction, one before the period it covers cannot be true. Either rejects the whole package.
         */
        private void checkExtractionDate(Fields f, LocalDate extraction, LocalDate start) throws RowProblem {
            LocalDate today = LocalDate.now(clock);
            LocalDate latestFrenchDay = LocalDate.ofInstant(clock.instant(), LATEST_FRENCH_OFFSET);
            if (extraction.isAfter(today) && extraction.isAfter(latestFrenchDay)) {
                throw new RowProblem("date_extraction", f.text("date_extraction"), "date_extraction " + extraction
                        + " postérieure au jour de l'ingestion (" + today + ") : un export daté dans le futur"
                        + " passerait devant toutes les corrections ; faire corriger le manifeste");
            }
            if (extraction.isBefore(start)) {
                throw new RowProblem("date_extraction", f.text("date_extraction"), "date_extraction " + extraction
                        + " antérieure au début de la période exportée (periode_debut " + start + ") : un export"
                        + " ne peut pas avoir été extrait avant la période qu'il couvre ; faire corriger le"
                        + " manifeste");
            }
        }

        private void rejectManifest(String shown, ManifestProblem p) {
            String where = shown + (p.line > 0 ? ", ligne " + p.line : "")
                    + (p.column.isEmpty() ? "" : ", colonne « " + p.column + " »");
            visitor.packageRejected(new Rejection(packageName, shown, p.line, p.column, Fields.reportable(p.value),
                    "paquet « " + packageName + " », " + where + " : " + p.getMessage() + " : paquet rejeté en entier"));
        }

        // ---------------------------------------------------------------- data files

        private void readDataFile(EditorProfile profile, PivotFile file, String actualName) throws IOException {
            FileMapping mapping = profile.files().get(file);
            // Pivot files go by their pivot name whatever their case; an editor's files by their own name.
            String name = profile.isPivot() ? file.fileName() : actualName;
            List<Notice> notices = new ArrayList<>();
            Opened opened = open(actualName, mapping, profile.isPivot(), name, notices);
            notices.forEach(this::warn);
            if (opened.problem() != null) {
                rejectWholeFile(name, opened.problem());
                return;
            }
            PivotLayout layout = PivotLayout.of(file);
            long read = 0;
            long kept = 0;
            long rejected = 0;
            try (CsvTable table = opened.table()) {
                CsvTable.Line headerLine = table.next();
                if (headerLine == null) {
                    rejectWholeFile(name, "fichier vide (ligne d'en-tête absente)");
                    return;
                }
                Sources sources = Sources.of(mapping, layout.required(), headerLine.values());
                CsvTable.Header header = sources.header();
                if (!header.unknown().isEmpty()) {
                    visitor.warning(name, headerLine.number(), unknownColumns(header));
                }
                if (!header.duplicated().isEmpty()) {
                    rejectWholeFile(name, reportable(header.duplicated()), "colonne « %s » en double dans l'en-tête",
                            "colonnes en double dans l'en-tête");
                    return;
                }
                if (!header.missing().isEmpty()) {
                    rejectWholeFile(name, header.missing(), "colonne obligatoire « %s » absente",
                            "colonnes obligatoires absentes");
                    return;
                }
                MappedColumns columns;
                try {
                    columns = MappedColumns.of(mapping, header.index(), actualName, packageName);
                } catch (MappedColumns.FileProblem p) {
                    rejectWholeFile(name, p.getMessage());
                    return;
                }
                Set<String> keyUnchecked = new HashSet<>();
                Map<String, Finess.Verdict> verdicts = new HashMap<>();
                for (CsvTable.Line row; (row = table.next()) != null; ) {
                    read++;
                    long line = row.number();
                    try {
                        checkWidth(row, header);
                        Fields fields = new Fields(columns.index(), columns.translate(row.values()), inReferential,
                                (column, value) -> {
                                    if (keyUnchecked.add(value)) {
                                        visitor.warning(name, line, "numéro FINESS corse " + value
                                                + " : clé de contrôle non vérifiée (lignes acceptées)");
                                    }
                                }, verdicts);
                        PivotRow pivotRow = layout.mapper().map(fields, line);
                        kept++;
                        visitor.row(file, pivotRow);
                    } catch (RowProblem p) {
                        rejected++;
                        visitor.rejection(new Rejection(packageName, name, line, columns.sourceOf(p.column()),
                                Fields.reportable(columns.editorValue(p.column(), row.values(), p.value())),
                                p.reason()));
                    }
                }
                if (table.blankRecords() > 0) {
                    visitor.warning(name, table.firstBlankLine(), table.blankRecords()
                            + " ligne(s) vide(s) ignorée(s), la première ligne " + table.firstBlankLine());
                }
            }
            visitor.fileRead(new FileSummary(name, read, kept, rejected, null));
        }

        /** The rejection (line 0) and the summary of a file rejected whole for a reason that names no column. */
        private void rejectWholeFile(String fileName, String problem) {
            String reason = problem + " : fichier rejeté en entier";
            visitor.rejection(new Rejection(packageName, fileName, 0, "", "", reason));
            visitor.fileRead(new FileSummary(fileName, 0, 0, 0, reason));
        }

        /** One rejection per column (line 0), then the summary of the file rejected whole. */
        private void rejectWholeFile(String fileName, List<String> columns, String singular, String plural) {
            for (String column : columns) {
                visitor.rejection(new Rejection(packageName, fileName, 0, column, "",
                        singular.formatted(column) + " : fichier rejeté en entier"));
            }
            String summary = columns.size() == 1 ? singular.formatted(columns.get(0))
                    : plural + " : " + String.join(", ", columns);
            visitor.fileRead(new FileSummary(fileName, 0, 0, 0, summary + " : fichier rejeté en entier"));
        }

        /**
         * Checks the whole file once (decoding in its encoding, detected when the profile says {@code auto}, and
         * CSV syntax), then opens it for reading; or says, in French, why the whole file is rejected.
         */
        /** @param pivot whether the file is read as the pivot format (a profile's messages say its delimiter) */
        private Opened open(String name, FileMapping mapping, boolean pivot, String shown, List<Notice> notices)
                throws IOException {
            CsvOptions options = mapping.csv();
            String problem;
            if (options.encoding() != Encoding.AUTO) {
                problem = checkSyntax(name, options, pivot);
            } else {
                options = options.withEncoding(Encoding.UTF_8);
                problem = checkSyntax(name, options, pivot);
                if (problem != null && problem.startsWith(UNDECODABLE)) {
                    // Not UTF-8: French Windows software writes Windows-1252 (checked once more, in it).
                    options = options.withEncoding(Encoding.WINDOWS_1252);
                    notices.add(new Notice(shown, 0, "fichier qui n'est pas en UTF-8 : lu en Windows-1252"
                            + " (encodage détecté)"));
                    problem = checkSyntax(name, options, pivot);
                }
            }
            if (problem != null) {
                return new Opened(null, problem);
            }
            return new Opened(new CsvTable(content.open(name), options), null);
        }

        /** First pass over a file: null when it decodes and parses as CSV, else the French problem. */
        private String checkSyntax(String name, CsvOptions options, boolean pivot) throws IOException {
            try (InputStream in = content.open(name)) {
                CsvTable.check(in, options);
                return null;
            } catch (UndecodableException e) {
                return UNDECODABLE + options.encoding().label() + " (" + e.frenchReason() + ")";
            } catch (StrictReader.LineTooLongException e) {
                return "fichier CSV mal formé (ligne " + e.line() + " : plus de " + e.max() + " caractères)";
            } catch (CsvTable.SyntaxException e) {
                return "fichier CSV mal formé (ligne " + e.line() + " : " + e.getMessage() + ")"
                        + (pivot ? "" : " — séparateur attendu " + options.delimiterLabel());
            }
        }
    }

    private static final String UNDECODABLE = "fichier non décodable en ";

    /** An open, checked file, or the reason it is rejected whole. */
    private record Opened(CsvTable table, String problem) {
    }

    /**
     * The editor headers a file must and may have, from its mapping, matched against the header line read.
     * {@code required}: the pivot columns that must have a value.
     */
    private record Sources(CsvTable.Header header) {

        static Sources of(FileMapping mapping, List<String> required, List<String> headerNames) {
            List<String> mustHave = new ArrayList<>();
            List<String> mayHave = new ArrayList<>();
            for (Map.Entry<String, ColumnSource> e : mapping.columns().entrySet()) {
                if (e.getValue() instanceof ColumnSource.Header h) {
                    (required.contains(e.getKey()) ? mustHave : mayHave).add(h.name());
                }
            }
            return new Sources(CsvTable.Header.of(headerNames, mustHave, mayHave));
        }
    }

    /**
     * A file without its header line has its first data row read as the header: its values, a NIR among them, are
     * masked as in any report.
     */
    private static String unknownColumns(CsvTable.Header header) {
        return "colonnes inconnues ignorées : " + String.join(", ", reportable(header.unknown()));
    }

    private static List<String> reportable(List<String> headerNames) {
        return headerNames.stream().map(Fields::reportable).toList();
    }

    /** Rejects a row whose number of fields differs from the header's (empty trailing fields are tolerated). */
    private static void checkWidth(CsvTable.Line row, CsvTable.Header header) throws RowProblem {
        List<String> values = row.values();
        int width = values.size();
        while (width > header.width() && values.get(width - 1).isBlank()) {
            width--;
        }
        if (width != header.width()) {
            throw new RowProblem("", "", "la ligne compte " + values.size() + " champs alors que l'en-tête en compte "
                    + header.width());
        }
    }

    /** A warning to hand to the visitor later. */
    private record Notice(String file, long line, String message) {
    }

    /** A problem of {@code export.csv}: it rejects the whole package. */
    private static final class ManifestProblem extends Exception {
        private final long line;
        private final String column;
        private final String value;

        ManifestProblem(long line, String column, String value, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.column = column;
            this.value = value;
        }
    }
}
