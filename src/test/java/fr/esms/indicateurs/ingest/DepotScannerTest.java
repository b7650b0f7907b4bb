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

    // ------------------------------------------------------------------ stamps: no second hashing of what did not change

    private static final String FAKE = "f".repeat(64);

    /** The stamps of a scan, each with a hash no file has: a scan that gives it back did not hash again. */
    private static Map<String, PackageStamp> withFakeHashes(DepotScan scan) {
        Map<String, PackageStamp> known = new java.util.HashMap<>();
        scan.stamps().forEach(s -> known.put(s.name(), new PackageStamp(s.name(), s.state(), FAKE)));
        return known;
    }

    private static java.time.Instant later() {
        return java.time.Instant.now().plusSeconds(60);
    }

    @Test
    void aPackageWhoseFilesAreUnchangedIsNotHashedAgain() throws Exception {
        folder(depot, "dossier", sample());
        zip(depot, "archive.zip", "", sample());
        DepotScan first = new DepotScanner().scan(depot, Map.of(), later());
        assertThat(first.stamps()).extracting(PackageStamp::name).containsExactly("archive.zip", "dossier");
        assertThat(first.stamps()).extracting(PackageStamp::sha256)
                .containsExactlyElementsOf(first.packages().stream().map(ExportPackage::sha256).toList());

        DepotScan second = new DepotScanner().scan(depot, withFakeHashes(first), later());

        assertThat(second.packages()).extracting(ExportPackage::sha256).containsExactly(FAKE, FAKE);
    }

    @Test
    void aFileRewrittenWithTheSameSizeAddedOrRemovedMakesThePackageHashedAgain() throws Exception {
        Path pkg = folder(depot, "dossier", sample());
        Path zip = zip(depot, "archive.zip", "", sample());
        DepotScan first = new DepotScanner().scan(depot, Map.of(), later());
        Map<String, PackageStamp> known = withFakeHashes(first);

        // Same size, other content, a time one second later; a zip replaced by another file of the same bytes.
        Path usagers = pkg.resolve("usagers.csv");
        FileTime before = Files.getLastModifiedTime(usagers);
        Files.writeString(usagers, Files.readString(usagers).replace("U1", "U2"));
        Files.setLastModifiedTime(usagers, FileTime.from(before.toInstant().plusSeconds(1)));
        Path copy = Files.copy(zip, elsewhere.resolve("copie.zip"));
        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(zip));
        Files.move(copy, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DepotScan changed = new DepotScanner().scan(depot, known, later());

        assertThat(changed.packages()).extracting(ExportPackage::sha256).containsExactly(
                first.packages().get(0).sha256(), DepotScanner.folderSha256(pkg));
        assertThat(changed.packages().get(1).sha256()).isNotEqualTo(first.packages().get(1).sha256());

        Map<String, PackageStamp> again = withFakeHashes(changed);
        Files.writeString(pkg.resolve("dmp.csv"), "finess;dossier_id;document_id;date_depot\n");
        assertThat(new DepotScanner().scan(depot, again, later()).packages().get(1).sha256())
                .isEqualTo(DepotScanner.folderSha256(pkg));
        again = withFakeHashes(new DepotScanner().scan(depot, Map.of(), later()));
        Files.delete(pkg.resolve("annexes/notes.txt"));
        assertThat(new DepotScanner().scan(depot, again, later()).packages().get(1).sha256())
                .isEqualTo(DepotScanner.folderSha256(pkg));
    }

    @Test
    void aPackageWrittenJustBeforeTheScanIsHashedButNotStamped() throws Exception {
        Path pkg = folder(depot, "en-cours", sample());
        java.time.Instant newest = Files.getLastModifiedTime(pkg.resolve("usagers.csv")).toInstant();

        DepotScan scan = new DepotScanner().scan(depot, Map.of(), newest.plusSeconds(1));

        assertThat(scan.packages()).extracting(ExportPackage::sha256)
                .containsExactly(DepotScanner.folderSha256(pkg));
        assertThat(scan.stamps()).isEmpty();
        assertThat(new DepotScanner().scan(depot, Map.of(), newest.plusSeconds(3)).stamps()).hasSize(1);
    }
}
