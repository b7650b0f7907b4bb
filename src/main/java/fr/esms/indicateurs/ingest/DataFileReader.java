package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.rules.Finess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The validate-and-map stage of one package's data files: checks a file's header against its mapping, then each
 * row, rejecting it on its first problem, and hands out the pivot rows, the rejections and the file's summary.
 */
final class DataFileReader {

    private final String packageName;
    private final PackageVisitor visitor;
    private final CsvFileOpener opener;
    private final Predicate<String> inReferential;

    DataFileReader(String packageName, PackageVisitor visitor, CsvFileOpener opener,
                   Predicate<String> inReferential) {
        this.packageName = packageName;
        this.visitor = visitor;
        this.opener = opener;
        this.inReferential = inReferential;
    }

    void read(EditorProfile profile, PivotFile file, String actualName) throws IOException {
        FileMapping mapping = profile.files().get(file);
        // Pivot files go by their pivot name whatever their case; an editor's files by their own name.
        String name = profile.isPivot() ? file.fileName() : actualName;
        List<Notice> notices = new ArrayList<>();
        CsvFileOpener.Opened opened = opener.open(actualName, mapping, profile.isPivot(), name, notices);
        notices.forEach(n -> n.sendTo(visitor));
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
            CsvTable.Header header = HeaderChecks.match(mapping, layout.required(), headerLine.values());
            if (!header.unknown().isEmpty()) {
                visitor.warning(name, headerLine.number(), HeaderChecks.unknownColumns(header));
            }
            if (!header.duplicated().isEmpty()) {
                rejectWholeFile(name, HeaderChecks.reportable(header.duplicated()),
                        "colonne « %s » en double dans l'en-tête", "colonnes en double dans l'en-tête");
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
                    HeaderChecks.checkWidth(row, header);
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
}
