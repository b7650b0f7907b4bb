package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.rules.Finess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
    private static final int MAX_IGNORED_FILE_WARNINGS = 20;

    private final Predicate<String> inReferential;
    private final ZipLimits limits;

    /** @param inReferential whether a (well-formed) FINESS géographique is an ESSMS of the referential */
    public PackageReader(Predicate<String> inReferential) {
        this(inReferential, DepotScanner.DEFAULT_MAX_UNCOMPRESSED_BYTES, DepotScanner.DEFAULT_MAX_ENTRIES);
    }

    /** With the zip limits of {@link DepotScanner#DepotScanner(long, int)}, checked again here. */
    public PackageReader(Predicate<String> inReferential, long maxUncompressedBytes, int maxEntries) {
        this.inReferential = inReferential;
        this.limits = new ZipLimits(maxUncompressedBytes, maxEntries);
    }

    /**
     * @throws UncheckedIOException when the package cannot be read from disk (missing, I/O error): an operational
     *                              failure, not a verdict on the package
     */
    public void read(ExportPackage pkg, PackageVisitor visitor) {
        try (PackageContent content = PackageContent.open(pkg.source(), limits)) {
            new Run(pkg.name(), content, visitor).read();
        } catch (PackageRefusedException e) {
            visitor.packageRejected(new Rejection(pkg.name(), "", 0, "", "",
                    e.getMessage() + " : paquet rejeté en entier"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read package " + pkg.name() + " (" + pkg.source() + ")", e);
        }
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
            String manifestName = files.get(PackageContent.MANIFEST);
            if (manifestName == null) {
                visitor.packageRejected(new Rejection(packageName, PackageContent.MANIFEST, 0, "", "", NO_MANIFEST));
                return;
            }
            Map<PivotFile, String> dataFiles = new LinkedHashMap<>();
            for (PivotFile file : PivotFile.values()) {
                String name = files.get(file.fileName());
                if (name != null) {
                    dataFiles.put(file, name);
                }
            }
            List<String> toRead = new ArrayList<>(dataFiles.values());
            toRead.add(0, manifestName);
            content.verify(toRead);

            List<Notice> manifestWarnings = new ArrayList<>();
            Manifest manifest;
            try {
                manifest = readManifest(manifestName, manifestWarnings);
            } catch (ManifestProblem p) {
                String where = PackageContent.MANIFEST + (p.line > 0 ? ", ligne " + p.line : "")
                        + (p.column.isEmpty() ? "" : ", colonne « " + p.column + " »");
                visitor.packageRejected(new Rejection(packageName, PackageContent.MANIFEST, p.line, p.column,
                        Fields.reportable(p.value),
                        "paquet « " + packageName + " », " + where + " : " + p.getMessage()
                                + " : paquet rejeté en entier"));
                return;
            }
            visitor.manifest(manifest);
            manifestWarnings.forEach(this::warn);
            warnIgnoredFiles(dataFiles);
            for (Map.Entry<PivotFile, String> e : dataFiles.entrySet()) {
                readDataFile(e.getKey(), e.getValue());
            }
        }

        private void warnIgnoredFiles(Map<PivotFile, String> dataFiles) {
            Set<String> known = new HashSet<>(dataFiles.values());
            known.add(files.get(PackageContent.MANIFEST));
            List<Notice> ignored = new ArrayList<>();
            for (String name : content.files()) {
                if (known.contains(name)) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".zip")) {
                    ignored.add(new Notice(name, 0, "archive imbriquée non ouverte : ignorée"));
                } else {
                    ignored.add(new Notice(name, 0, "fichier inconnu du format pivot : ignoré"));
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

        private Manifest readManifest(String name, List<Notice> warnings) throws IOException, ManifestProblem {
            String wholeFileProblem = checkSyntax(name);
            if (wholeFileProblem != null) {
                throw new ManifestProblem(0, "", "", wholeFileProblem);
            }
            try (InputStream in = content.open(name); CsvTable table = new CsvTable(in)) {
                CsvTable.Line headerLine = table.next();
                if (headerLine == null) {
                    throw new ManifestProblem(0, "", "", "fichier vide (ligne d'en-tête absente)");
                }
                CsvTable.Header header = CsvTable.Header.of(headerLine.values(), PivotLayout.MANIFEST_REQUIRED,
                        PivotLayout.MANIFEST_OPTIONAL);
                if (!header.duplicated().isEmpty()) {
                    throw new ManifestProblem(0, String.join(", ", header.duplicated()), "",
                            "colonne en double dans l'en-tête");
                }
                if (!header.missing().isEmpty()) {
                    throw new ManifestProblem(0, String.join(", ", header.missing()), "",
                            "colonne obligatoire absente");
                }
                if (!header.unknown().isEmpty()) {
                    warnings.add(new Notice(PackageContent.MANIFEST, headerLine.number(),
                            "colonnes inconnues ignorées : " + String.join(", ", header.unknown())));
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
                try {
                    checkWidth(row, header);
                    List<Notice> corsican = new ArrayList<>();
                    Fields f = new Fields(header.index(), row.values(), null,
                            (column, value) -> corsican.add(new Notice(PackageContent.MANIFEST, row.number(),
                                    "FINESS juridique " + value + " : "
                                            + Finess.explain(Finess.Verdict.VALID_KEY_UNCHECKED))));
                    String editor = f.required("editeur");
                    String software = f.required("logiciel");
                    String version = f.text("version_logiciel");
                    String finessEj = f.finess("finess_ej");
                    LocalDate extraction = f.date("date_extraction");
                    LocalDate start = f.date("periode_debut");
                    LocalDate end = f.date("periode_fin");
                    if (end.isBefore(start)) {
                        throw new RowProblem("periode_fin", f.text("periode_fin"),
                                "fin de période antérieure au début de période (" + start + ")");
                    }
                    warnings.addAll(corsican);
                    return new Manifest(editor, software, version, finessEj, extraction, start, end);
                } catch (RowProblem p) {
                    throw new ManifestProblem(row.number(), p.column(), p.value(), p.reason());
                }
            }
        }

        // ---------------------------------------------------------------- data files

        private void readDataFile(PivotFile file, String name) throws IOException {
            String fileName = file.fileName();
            String wholeFileProblem = checkSyntax(name);
            if (wholeFileProblem != null) {
                rejectWholeFile(fileName, wholeFileProblem);
                return;
            }
            PivotLayout layout = PivotLayout.of(file);
            long read = 0;
            long kept = 0;
            long rejected = 0;
            try (InputStream in = content.open(name); CsvTable table = new CsvTable(in)) {
                CsvTable.Line headerLine = table.next();
                if (headerLine == null) {
                    rejectWholeFile(fileName, "fichier vide (ligne d'en-tête absente)");
                    return;
                }
                CsvTable.Header header = CsvTable.Header.of(headerLine.values(), layout.required(),
                        layout.optional());
                if (!header.unknown().isEmpty()) {
                    visitor.warning(fileName, headerLine.number(),
                            "colonnes inconnues ignorées : " + String.join(", ", header.unknown()));
                }
                if (!header.duplicated().isEmpty()) {
                    rejectWholeFile(fileName, header.duplicated(), "colonne « %s » en double dans l'en-tête",
                            "colonnes en double dans l'en-tête");
                    return;
                }
                if (!header.missing().isEmpty()) {
                    rejectWholeFile(fileName, header.missing(), "colonne obligatoire « %s » absente",
                            "colonnes obligatoires absentes");
                    return;
                }
                Set<String> keyUnchecked = new HashSet<>();
                for (CsvTable.Line row; (row = table.next()) != null; ) {
                    read++;
                    long line = row.number();
                    try {
                        checkWidth(row, header);
                        Fields fields = new Fields(header.index(), row.values(), inReferential,
                                (column, value) -> {
                                    if (keyUnchecked.add(value)) {
                                        visitor.warning(fileName, line, "numéro FINESS corse " + value
                                                + " : clé de contrôle non vérifiée (lignes acceptées)");
                                    }
                                });
                        PivotRow pivotRow = layout.mapper().map(fields, line);
                        kept++;
                        visitor.row(file, pivotRow);
                    } catch (RowProblem p) {
                        rejected++;
                        visitor.rejection(new Rejection(packageName, fileName, line, p.column(),
                                Fields.reportable(p.value()), p.reason()));
                    }
                }
                if (table.blankRecords() > 0) {
                    visitor.warning(fileName, table.firstBlankLine(), table.blankRecords()
                            + " ligne(s) vide(s) ignorée(s), la première ligne " + table.firstBlankLine());
                }
            }
            visitor.fileRead(new FileSummary(fileName, read, kept, rejected, null));
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

        /** First pass over a file: null when it decodes as UTF-8 and parses as CSV, else the French problem. */
        private String checkSyntax(String name) throws IOException {
            try (InputStream in = content.open(name)) {
                CsvTable.check(in);
                return null;
            } catch (MalformedUtf8Exception e) {
                return "fichier non décodable en UTF-8 (octets invalides ligne " + e.line() + ")";
            } catch (StrictUtf8Reader.LineTooLongException e) {
                return "fichier CSV mal formé (ligne " + e.line() + " : plus de " + e.max() + " caractères)";
            } catch (CsvTable.SyntaxException e) {
                return "fichier CSV mal formé (ligne " + e.line() + " : " + e.getMessage() + ")";
            }
        }
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
