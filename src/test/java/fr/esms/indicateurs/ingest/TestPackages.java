package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small export packages on disk for the tests. */
final class TestPackages {

    /** Valid FINESS géographiques of the test referential, and one valid number outside it. */
    static final String ET1 = "010000016";
    static final String ET2 = "350005179";
    static final String ET_CORSE = "2A0000012";
    static final String ET_UNKNOWN = "750000002";
    static final String EJ = "130000003";
    static final Set<String> REFERENTIAL = Set.of(ET1, ET2, ET_CORSE);

    static final String MANIFEST = """
            editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin
            Editeur SA;DUI Plus;4.2;130000003;2025-04-02;2025-03-01;2025-03-31
            """;

    private TestPackages() {
    }

    /** An ordered map of file name to content, starting with a valid manifest. */
    static Map<String, String> files(String... nameThenContent) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("export.csv", MANIFEST);
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        return files;
    }

    static Path folder(Path parent, String name, Map<String, String> files) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = folder.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        return folder;
    }

    static Path folderOfBytes(Path parent, String name, Map<String, byte[]> files) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(folder.resolve(e.getKey()), e.getValue());
        }
        return folder;
    }

    /** A zip whose entries are named {@code prefix + file name}. */
    static Path zip(Path parent, String name, String prefix, Map<String, String> files) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        files.forEach((file, content) -> entries.put(prefix + file, content.getBytes(StandardCharsets.UTF_8)));
        return zipOfBytes(parent, name, entries);
    }

    static Path zipOfBytes(Path parent, String name, Map<String, byte[]> entries) throws IOException {
        Path zip = parent.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zout = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zout.putNextEntry(new ZipEntry(e.getKey()));
                zout.write(e.getValue());
                zout.closeEntry();
            }
        }
        return zip;
    }

    static ExportPackage pkg(Path source) {
        return new ExportPackage(source.getFileName().toString(), source, "not-checked-by-the-reader");
    }

    static RecordingVisitor read(Path source) {
        RecordingVisitor visitor = new RecordingVisitor();
        new PackageReader(REFERENTIAL::contains).read(pkg(source), visitor);
        return visitor;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
