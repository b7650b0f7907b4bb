package fr.esms.indicateurs.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.esms.indicateurs.ingest.TestPackages.ET1;
import static fr.esms.indicateurs.ingest.TestPackages.files;
import static fr.esms.indicateurs.ingest.TestPackages.folder;
import static fr.esms.indicateurs.ingest.TestPackages.utf8;
import static fr.esms.indicateurs.ingest.TestPackages.zip;
import static org.assertj.core.api.Assertions.assertThat;

class DepotScannerTest {

    @TempDir
    Path depot;

    @TempDir
    Path elsewhere;

    private static Map<String, String> sample() {
        return files(
                "usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U1;2025-01-01\n",
                "annexes/notes.txt", "hello");
    }

    @Test
    void listsFoldersAndZipsSortedByNameSkipsHiddenEntriesAndWarnsOfOtherFiles() throws Exception {
        folder(depot, "2025-03-b", sample());
        zip(depot, "2025-03-a.ZIP", "", sample());
        zip(depot, "2025-02.zip", "envoi/", sample());
        folder(depot, ".cache", sample());
        Files.writeString(depot.resolve(".DS_Store"), "x");
        Files.writeString(depot.resolve("lisez-moi.txt"), "x");
        Files.createSymbolicLink(depot.resolve("lien"), elsewhere);

        DepotScan scan = new DepotScanner().scan(depot);

        assertThat(scan.packages()).extracting(ExportPackage::name)
                .containsExactly("2025-02.zip", "2025-03-a.ZIP", "2025-03-b");
        assertThat(scan.packages()).extracting(ExportPackage::source)
                .containsExactly(depot.resolve("2025-02.zip"), depot.resolve("2025-03-a.ZIP"),
                        depot.resolve("2025-03-b"));
        assertThat(scan.packages()).allSatisfy(p -> assertThat(p.sha256()).matches("[0-9a-f]{64}"));
        assertThat(scan.refused()).isEmpty();
        assertThat(scan.warnings()).containsExactly(
                "lien symbolique « lien » ignoré : un paquet est un dossier ou un .zip",
                "fichier « lisez-moi.txt » ignoré : un paquet est un dossier ou un .zip");
    }

    @Test
    void theHashOfAZipIsTheSha256OfItsBytes() throws Exception {
        Path zip = zip(depot, "p.zip", "", sample());

        DepotScan scan = new DepotScanner().scan(depot);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        assertThat(scan.packages()).singleElement().extracting(ExportPackage::sha256).isEqualTo(expected);
    }

    @Test
    void theSameFolderContentAlwaysGetsTheSameHash() throws Exception {
        folder(depot, "a", sample());
        // Same content written in another order, with other dates, plus a hidden file.
        Map<String, String> reversed = new LinkedHashMap<>();
        java.util.List<String> names = new java.util.ArrayList<>(sample().keySet());
        java.util.Collections.reverse(names);
        names.forEach(k -> reversed.put(k, sample().get(k)));
        Path b = folder(depot, "b", reversed);
        Files.setLastModifiedTime(b.resolve("usagers.csv"), FileTime.fromMillis(0));
        Files.writeString(b.resolve(".DS_Store"), "finder junk");
        // Different contents.
        Map<String, String> changed = sample();
        changed.put("usagers.csv", changed.get("usagers.csv").replace("U1", "U2"));
        folder(depot, "c", changed);
        Map<String, String> renamed = sample();
        renamed.put("annexes/notes2.txt", renamed.remove("annexes/notes.txt"));
        folder(depot, "d", renamed);

        DepotScanner scanner = new DepotScanner();
        DepotScan first = scanner.scan(depot);
        DepotScan second = scanner.scan(depot);

        Map<String, String> hashes = new LinkedHashMap<>();
        first.packages().forEach(p -> hashes.put(p.name(), p.sha256()));
        assertThat(second.packages()).isEqualTo(first.packages());
        assertThat(hashes.get("a")).isEqualTo(hashes.get("b"));
        assertThat(hashes.get("c")).isNotEqualTo(hashes.get("a"));
        assertThat(hashes.get("d")).isNotEqualTo(hashes.get("a")).isNotEqualTo(hashes.get("c"));
    }

    @Test
    void nestedZipsAreNeverFollowed() throws Exception {
        Path inner = zip(elsewhere, "inner.zip", "", sample());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export.csv", utf8(TestPackages.MANIFEST));
        entries.put("inner.zip", Files.readAllBytes(inner));
        TestPackages.zipOfBytes(depot, "outer.zip", entries);

        DepotScan scan = new DepotScanner().scan(depot);
        RecordingVisitor v = TestPackages.read(depot.resolve("outer.zip"));

        assertThat(scan.packages()).extracting(ExportPackage::name).containsExactly("outer.zip");
        assertThat(v.summaries).isEmpty();
        assertThat(v.warnings).containsExactly(
                new RecordingVisitor.Warning("inner.zip", 0, "archive imbriquée non ouverte : ignorée"));
    }
}
