package fr.esms.indicateurs.ingest;

import java.util.ArrayList;
import java.util.List;

/** Records every call of a {@link PackageVisitor}, in order. */
final class RecordingVisitor implements PackageVisitor {

    record Warning(String file, long line, String message) {
    }

    record FileRow(PivotFile file, PivotRow row) {
    }

    final List<String> events = new ArrayList<>();
    final List<Manifest> manifests = new ArrayList<>();
    final List<FileRow> rows = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();
    final List<FileSummary> summaries = new ArrayList<>();
    final List<Rejection> packageRejections = new ArrayList<>();

    @Override
    public void manifest(Manifest manifest) {
        events.add("manifest");
        manifests.add(manifest);
    }

    @Override
    public void row(PivotFile file, PivotRow row) {
        events.add("row " + file.fileName());
        rows.add(new FileRow(file, row));
    }

    @Override
    public void rejection(Rejection rejection) {
        events.add("rejection " + rejection.file());
        rejections.add(rejection);
    }

    @Override
    public void warning(String file, long line, String message) {
        events.add("warning " + file);
        warnings.add(new Warning(file, line, message));
    }

    @Override
    public void fileRead(FileSummary summary) {
        events.add("fileRead " + summary.file());
        summaries.add(summary);
    }

    @Override
    public void packageRejected(Rejection reason) {
        events.add("packageRejected");
        packageRejections.add(reason);
    }

    List<PivotRow> rowsOf(PivotFile file) {
        return rows.stream().filter(r -> r.file() == file).map(FileRow::row).toList();
    }

    List<Rejection> rejectionsOf(String file) {
        return rejections.stream().filter(r -> r.file().equals(file)).toList();
    }

    FileSummary summaryOf(String file) {
        return summaries.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
    }
}
