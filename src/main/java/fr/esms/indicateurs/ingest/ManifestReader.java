package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.rules.Finess;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manifest stage of one package: reads its {@code export.csv} (or the profile's manifest, or the manifest made
 * only of the profile's constants), checks its one row, {@code date_extraction} included, and maps it. Any problem
 * rejects the whole package.
 */
final class ManifestReader {

    /**
     * The French time zone furthest ahead where ESSMS send exports (La Réunion): an export dated in its editor's
     * own day there is never "in the future" for a machine in metropolitan France.
     */
    private static final ZoneOffset LATEST_FRENCH_OFFSET = ZoneOffset.ofHours(4);

    private final String packageName;
    private final PackageVisitor visitor;
    private final CsvFileOpener opener;
    /** Gives the day of the ingestion, which no {@code date_extraction} may pass. */
    private final Clock clock;

    ManifestReader(String packageName, PackageVisitor visitor, CsvFileOpener opener,
                   Clock clock) {
        this.packageName = packageName;
        this.visitor = visitor;
        this.opener = opener;
        this.clock = clock;
    }

    /**
     * The manifest, or null after telling the visitor the package is rejected. {@code name} is null for a
     * manifest made only of the profile's constants and the package's name.
     */
    Manifest read(EditorProfile profile, String name, List<Notice> warnings) throws IOException {
        FileMapping mapping = profile.manifest() != null ? profile.manifest()
                : EditorProfile.PIVOT_MANIFEST;
        String shown = name == null ? packageName : profile.manifest() == null ? PackageContent.MANIFEST : name;
        try {
            if (name == null) {
                MappedColumns columns = MappedColumns.of(mapping, Map.of(), null, packageName);
                return manifestRow(columns, new CsvTable.Line(0, List.of()), shown, warnings);
            }
            opener.verify(name);
            CsvFileOpener.Opened opened = opener.open(name, mapping, profile.manifest() == null, shown, warnings);
            if (opened.problem() != null) {
                throw new ManifestProblem(0, "", "", opened.problem());
            }
            try (CsvTable table = opened.table()) {
                CsvTable.Line headerLine = table.next();
                if (headerLine == null) {
                    throw new ManifestProblem(0, "", "", "fichier vide (ligne d'en-tête absente)");
                }
                CsvTable.Header header = HeaderChecks.match(mapping, PivotLayout.MANIFEST_REQUIRED,
                        headerLine.values());
                if (!header.duplicated().isEmpty()) {
                    throw new ManifestProblem(0, String.join(", ", HeaderChecks.reportable(header.duplicated())),
                            "", "colonne en double dans l'en-tête");
                }
                if (!header.missing().isEmpty()) {
                    throw new ManifestProblem(0, String.join(", ", header.missing()), "",
                            "colonne obligatoire absente");
                }
                if (!header.unknown().isEmpty()) {
                    warnings.add(new Notice(name, headerLine.number(), HeaderChecks.unknownColumns(header)));
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
                    HeaderChecks.checkWidth(row, header);
                } catch (RowProblem p) {
                    throw new ManifestProblem(row.number(), p.column(), p.value(), p.reason());
                }
                return manifestRow(columns, row, shown, warnings);
            }
        } catch (MappedColumns.FileProblem p) {
            reject(shown, new ManifestProblem(0, "", "", p.getMessage()));
        } catch (ManifestProblem p) {
            reject(shown, p);
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

    private void reject(String shown, ManifestProblem p) {
        String where = shown + (p.line > 0 ? ", ligne " + p.line : "")
                + (p.column.isEmpty() ? "" : ", colonne « " + p.column + " »");
        visitor.packageRejected(new Rejection(packageName, shown, p.line, p.column, Fields.reportable(p.value),
                "paquet « " + packageName + " », " + where + " : " + p.getMessage() + " : paquet rejeté en entier"));
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
