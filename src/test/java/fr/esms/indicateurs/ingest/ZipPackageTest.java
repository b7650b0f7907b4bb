package fr.esms.indicateurs.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.esms.indicateurs.ingest.TestPackages.ET1;
import static fr.esms.indicateurs.ingest.TestPackages.files;
import static fr.esms.indicateurs.ingest.TestPackages.folder;
import static fr.esms.indicateurs.ingest.TestPackages.read;
import static fr.esms.indicateurs.ingest.TestPackages.utf8;
import static fr.esms.indicateurs.ingest.TestPackages.zip;
import static fr.esms.indicateurs.ingest.TestPackages.zipOfBytes;
import static org.assertj.core.api.Assertions.assertThat;

class ZipPackageTest {

    @TempDir
    Path depot;

    private static Map<String, String> sample() {
        return files(
                "usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U1;2025-01-01\n" + ET1 + ";U2;bad\n",
                "mss.csv", "finess;message_id;date_envoi\n" + ET1 + ";M1;2025-03-01\n");
    }

    @Test
    void aZipIsReadLikeAFolderWhetherItsFilesSitAtItsRootOrInOneSubFolder() throws Exception {
        RecordingVisitor fromFolder = read(folder(depot, "p", sample()));
        RecordingVisitor atRoot = read(zip(depot, "p.zip", "", sample()));
        RecordingVisitor inSubFolder = read(zip(depot, "q.zip", "export-2025-03/", sample()));

        for (RecordingVisitor v : new RecordingVisitor[] {atRoot, inSubFolder}) {
            assertThat(v.events).isEqualTo(fromFolder.events);
            assertThat(v.rows).isEqualTo(fromFolder.rows);
            assertThat(v.summaries).isEqualTo(fromFolder.summaries);
            assertThat(v.manifests).isEqualTo(fromFolder.manifests);
        }
        assertThat(atRoot.rejections).singleElement().satisfies(r -> {
            assertThat(r.packageName()).isEqualTo("p.zip");
            assertThat(r.line()).isEqualTo(3);
        });
        assertThat(fromFolder.rows).hasSize(2);
    }

    @Test
    void filesOutsideThePackageFolderAndMacOsJunkAreIgnored() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        sample().forEach((name, content) -> entries.put("envoi/" + name, utf8(content)));
        entries.put("LISEZMOI.txt", utf8("bonjour"));
        entries.put("__MACOSX/envoi/._usagers.csv", new byte[] {0, 1, 2});
        entries.put("envoi/.DS_Store", new byte[] {0});
        entries.put("envoi/imbrique.zip", utf8("PK not opened"));

        RecordingVisitor v = read(zipOfBytes(depot, "p.zip", entries));

        assertThat(v.packageRejections).isEmpty();
        assertThat(v.rows).hasSize(2);
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::file)
                .containsExactlyInAnyOrder("LISEZMOI.txt", "imbrique.zip");
    }

    @Test
    void aZipWhoseFolderNameIsNotUtf8IsStillRead() throws Exception {
        Path zip = depot.resolve("windows.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip),
                java.nio.charset.Charset.forName("IBM850"))) {
            for (Map.Entry<String, String> e : sample().entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry("Export février/" + e.getKey()));
                out.write(utf8(e.getValue()));
                out.closeEntry();
            }
        }

        RecordingVisitor v = read(zip);

        assertThat(v.packageRejections).isEmpty();
        assertThat(v.rows).hasSize(2);
    }

    @Test
    void aZipWithSeveralManifestsIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a/export.csv", utf8(TestPackages.MANIFEST));
        entries.put("b/export.csv", utf8(TestPackages.MANIFEST));

        RecordingVisitor v = read(zipOfBytes(depot, "p.zip", entries));

        assertThat(v.events).containsExactly("packageRejected");
        assertThat(v.packageRejections.get(0).reason()).startsWith("plusieurs fichiers export.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../usagers.csv", "envoi/../../usagers.csv", "/tmp/usagers.csv", "C:/usagers.csv",
            "..\\usagers.csv"})
    void zipSlipEntriesRefuseThePackageInTheScannerAndInTheReader(String evil) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export.csv", utf8(TestPackages.MANIFEST));
        entries.put(evil, utf8("finess;usager_id;date_entree\n"));
        Path zip = zipOfBytes(depot, "evil.zip", entries);

        RecordingVisitor v = read(zip);
        DepotScan scan = new DepotScanner().scan(depot);

        assertThat(v.events).containsExactly("packageRejected");
        assertThat(v.packageRejections.get(0).reason())
                .contains("archive refusée (sortie du dossier du paquet)").endsWith("paquet rejeté en entier");
        assertThat(scan.packages()).isEmpty();
        assertThat(scan.refused()).singleElement().satisfies(r -> {
            assertThat(r.packageName()).isEqualTo("evil.zip");
            assertThat(r.reason()).contains("archive refusée (sortie du dossier du paquet)");
        });
    }

    @Test
    void tooManyEntriesRefuseThePackage() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export.csv", utf8(TestPackages.MANIFEST));
        for (int i = 0; i < 5; i++) {
            entries.put("f" + i + ".txt", utf8("x"));
        }
        Path zip = zipOfBytes(depot, "many.zip", entries);

        RecordingVisitor v = new RecordingVisitor();
        new PackageReader(TestPackages.REFERENTIAL::contains, 1_000_000, 5).read(TestPackages.pkg(zip), v);
        DepotScan scan = new DepotScanner(1_000_000, 5).scan(depot);
        DepotScan lenient = new DepotScanner(1_000_000, 6).scan(depot);

        assertThat(v.events).containsExactly("packageRejected");
        assertThat(v.packageRejections.get(0).reason())
                .isEqualTo("archive de 6 entrées, plus que les 5 admises : refusée (bombe zip ?) : paquet rejeté en entier");
        assertThat(scan.refused()).hasSize(1);
        assertThat(lenient.packages()).extracting(ExportPackage::name).containsExactly("many.zip");
    }

    @Test
    void tooManyUncompressedBytesRefuseThePackage() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export.csv", utf8(TestPackages.MANIFEST));
        entries.put("usagers.csv", utf8("finess;usager_id;date_entree\n" + (ET1 + ";U1;2025-01-01\n").repeat(1000)));
        Path zip = zipOfBytes(depot, "bomb.zip", entries);
        assertThat(Files.size(zip)).isLessThan(2_000);

        RecordingVisitor v = new RecordingVisitor();
        new PackageReader(TestPackages.REFERENTIAL::contains, 10_000, 1000).read(TestPackages.pkg(zip), v);
        DepotScan scan = new DepotScanner(10_000, 1000).scan(depot);

        assertThat(v.events).containsExactly("packageRejected");
        assertThat(v.packageRejections.get(0).reason())
                .isEqualTo("archive de plus de 10000 octets une fois décompressée : refusée (bombe zip ?)"
                        + " : paquet rejeté en entier");
        assertThat(scan.refused()).extracting(Rejection::packageName).containsExactly("bomb.zip");
    }

    @Test
    void anEntryThatInflatesBeyondItsDeclaredSizeIsRefusedBeforeAnythingIsRead() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export.csv", utf8(TestPackages.MANIFEST));
        entries.put("usagers.csv", utf8("finess;usager_id;date_entree\n" + (ET1 + ";U1;2025-01-01\n").repeat(1000)));
        Path zip = zipOfBytes(depot, "liar.zip", entries);
        declareUncompressedSize(zip, "usagers.csv", 100);

        RecordingVisitor v = new RecordingVisitor();
        new PackageReader(TestPackages.REFERENTIAL::contains, 10_000, 1000).read(TestPackages.pkg(zip), v);

        assertThat(v.events).containsExactly("packageRejected");
        assertThat(v.packageRejections.get(0).reason()).isEqualTo("entrée « usagers.csv » plus grande une fois"
                + " décompressée que la taille qu'elle déclare : archive refusée (bombe zip ?) : paquet rejeté en entier");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path zip = Files.write(depot.resolve("broken.zip"), utf8("this is not a zip"));

        RecordingVisitor v = read(zip);
        DepotScan scan = new DepotScanner().scan(depot);

        assertThat(v.events).containsExactly("packageRejected");
        assertThat(v.packageRejections.get(0).reason()).startsWith("archive zip illisible");
        assertThat(scan.refused()).extracting(Rejection::packageName).containsExactly("broken.zip");
    }

    /** Rewrites the uncompressed size the central directory declares for an entry. */
    private static void declareUncompressedSize(Path zip, String entryName, int size) throws Exception {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean patched = false;
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                int nameLength = Short.toUnsignedInt(buffer.getShort(i + 28));
                String name = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
                if (name.equals(entryName)) {
                    buffer.putInt(i + 24, size);
                    patched = true;
                }
            }
        }
        assertThat(patched).isTrue();
        Files.write(zip, bytes);
    }
}
