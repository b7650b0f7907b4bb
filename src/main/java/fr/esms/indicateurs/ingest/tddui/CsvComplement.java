package fr.esms.indicateurs.ingest.tddui;

import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageContent;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.ingest.Rejection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the guide does not carry, read from pivot CSV files of the same package: {@code mss.csv}, {@code dmp.csv},
 * {@code eprescription.csv}, {@code eparcours.csv}, with {@code export.csv} (the package's, or one written from the
 * manifest derived from the bundles). Their {@code dossier_id} is the patient's local identifier, pseudonymised
 * here with the same key, so that a deposit meets its record.
 */
final class CsvComplement implements PackageContent {

    static final Set<PivotFile> FILES = Set.of(PivotFile.MSS, PivotFile.DMP, PivotFile.EPRESCRIPTION,
            PivotFile.EPARCOURS);

    private final PackageContent content;
    private final byte[] derivedManifest;
    private final List<String> files = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    /** @param derived the manifest to write as {@code export.csv}, or null when the package has its own */
    CsvComplement(PackageContent content, Manifest derived) {
        this.content = content;
        this.derivedManifest = derived == null ? null : csv(derived);
        Set<String> complements = new HashSet<>();
        FILES.forEach(f -> complements.add(f.fileName()));
        for (String name : content.files()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(MANIFEST) || complements.contains(lower)) {
                files.add(name);
            } else if (lower.endsWith(".csv")) {
                ignored.add(name);
            }
        }
        if (derived != null) {
            files.add(MANIFEST);
        }
        files.sort(null);
    }

    private static byte[] csv(Manifest m) {
        return ("editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin\n"
                + m.editor() + ";" + m.software() + ";;" + m.finessEj() + ";" + m.extractionDate() + ";"
                + m.periodStart() + ";" + m.periodEnd() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The package's other CSV files, which a TDDUI package does not use. */
    List<String> ignored() {
        return List.copyOf(ignored);
    }

    @Override
    public List<String> files() {
        return List.copyOf(files);
    }

    @Override
    public List<String> outside() {
        return List.of();
    }

    @Override
    public InputStream open(String name) throws IOException {
        return derivedManifest != null && name.equals(MANIFEST) ? new ByteArrayInputStream(derivedManifest)
                : content.open(name);
    }

    @Override
    public void verify(Collection<String> names) throws IOException {
        content.verify(names.stream().filter(n -> derivedManifest == null || !n.equals(MANIFEST)).toList());
    }

    @Override
    public void close() {
        // the package's content is closed by its reader
    }

    /** Passes the CSV reading on, pseudonymising the {@code dossier_id} of messages and deposits. */
    static final class Visitor implements PackageVisitor {
        private final PackageVisitor next;
        private final Pseudonymizer pseudonymizer;
        private final Set<String> read = new HashSet<>();
        private Manifest manifest;
        private boolean rejected;

        Visitor(PackageVisitor next, Pseudonymizer pseudonymizer) {
            this.next = next;
            this.pseudonymizer = pseudonymizer;
        }

        @Override
        public void manifest(Manifest manifest) {
            this.manifest = manifest;
            next.manifest(manifest);
        }

        @Override
        public void row(PivotFile file, PivotRow row) {
            if (row instanceof DocumentRow d) {
                row = new DocumentRow(d.finess(), pseudonymizer.pseudonym(d.recordId()), d.documentId(),
                        d.deposited(), d.status(), d.documentType(), d.line());
            } else if (row instanceof MessageRow m && m.recordId() != null) {
                row = new MessageRow(m.finess(), m.messageId(), m.sent(), pseudonymizer.pseudonym(m.recordId()),
                        m.recipientType(), m.line());
            }
            next.row(file, row);
        }

        @Override
        public void rejection(Rejection rejection) {
            next.rejection(rejection);
        }

        @Override
        public void warning(String file, long line, String message) {
            next.warning(file, line, message);
        }

        @Override
        public void fileRead(FileSummary summary) {
            read.add(summary.file().toLowerCase(Locale.ROOT));
            next.fileRead(summary);
        }

        @Override
        public void packageRejected(Rejection reason) {
            rejected = true;
            next.packageRejected(reason);
        }

        boolean rejected() {
            return rejected;
        }

        Manifest manifestRead() {
            return manifest;
        }

        boolean hasRead(PivotFile file) {
            return read.contains(file.fileName());
        }
    }

    static final Map<PivotFile, String> SOURCES = Map.of(PivotFile.MSS, "MSS (messages MSSanté envoyés)",
            PivotFile.DMP, "DMP (documents déposés)");
}
