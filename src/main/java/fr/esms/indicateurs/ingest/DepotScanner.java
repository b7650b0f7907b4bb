package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lists the export packages of a dépôt folder: each sub-folder and each {@code .zip} directly in it is a package.
 * Hidden entries (name starting with {@code .}) are skipped; any other entry (other file, symbolic link) is a
 * warning. A zip is opened (never extracted) and refused when unreadable, when an entry would escape the package
 * ({@code ..}, absolute path), when it has more than {@code maxEntries} entries or declares more than
 * {@code maxUncompressedBytes} uncompressed bytes. Nested zips are never opened.
 *
 * <p>The SHA-256 of a zip is that of its bytes; the SHA-256 of a folder covers its visible regular files, sorted
 * by relative path (each file contributes its {@code /}-separated relative path, a NUL byte and the SHA-256 of its
 * content), so the same content always gives the same hash whatever the file dates or the order on disk.
 */
public final class DepotScanner {

    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = ZipLimits.DEFAULT_MAX_UNCOMPRESSED_BYTES;
    public static final int DEFAULT_MAX_ENTRIES = ZipLimits.DEFAULT_MAX_ENTRIES;

    /** Folders of the dépôt where the inbox files packages once processed: never packages themselves. */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("archive", "quarantaine");

    private final ZipLimits limits;

    /** With the default limits: 2 Gio uncompressed, 1000 entries per zip. */
    public DepotScanner() {
        this(DEFAULT_MAX_UNCOMPRESSED_BYTES, DEFAULT_MAX_ENTRIES);
    }

    public DepotScanner(long maxUncompressedBytes, int maxEntries) {
        this.limits = new ZipLimits(maxUncompressedBytes, maxEntries);
    }

    /** @throws IOException if the dépôt folder itself cannot be listed, or a package cannot be read from disk */
    public DepotScan scan(Path depot) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(depot)) {
            stream.forEach(entries::add);
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Path> toHash = new ArrayList<>();
        List<Rejection> refused = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || RESERVED.contains(name)) {
                continue;
            }
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                toHash.add(entry);
            } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                try (ZipContent ignored = ZipContent.open(entry, limits)) {
                    toHash.add(entry);
                } catch (PackageRefusedException e) {
                    refused.add(new Rejection(name, "", 0, "", "", e.getMessage() + " : paquet rejeté en entier"));
                }
            } else if (Files.isSymbolicLink(entry)) {
                warnings.add("lien symbolique « " + name + " » ignoré : un paquet est un dossier ou un .zip");
            } else {
                warnings.add("fichier « " + name + " » ignoré : un paquet est un dossier ou un .zip");
            }
        }
        return new DepotScan(hashAll(toHash), refused, warnings);
    }

    /**
     * The packages with their SHA-256, in the order given, hashed on every core: a national dépôt is about 1.4 GB
     * of files, hashed before anything else can start (2.8 to 4.9 s on one core of the reference machine, cache
     * warm; 1.8 to 4.4 s on two).
     */
    private static List<ExportPackage> hashAll(List<Path> entries) throws IOException {
        ExecutorService hashing = Executors.newFixedThreadPool(Math.max(1, Math.min(entries.size(),
                Runtime.getRuntime().availableProcessors())), runnable -> {
            Thread thread = new Thread(runnable, "empreintes-paquets");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ExportPackage>> hashed = new ArrayList<>(entries.size());
            for (Path entry : entries) {
                hashed.add(hashing.submit(() -> new ExportPackage(entry.getFileName().toString(), entry,
                        Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? folderSha256(entry)
                                : fileSha256(entry))));
            }
            List<ExportPackage> packages = new ArrayList<>(entries.size());
            for (Future<ExportPackage> pkg : hashed) {
                packages.add(pkg.get());
            }
            return packages;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("calcul des empreintes des paquets interrompu", e);
        } finally {
            hashing.shutdownNow();
        }
    }

    public static String fileSha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String folderSha256(Path folder) throws IOException {
        MessageDigest digest = sha256();
        for (String relative : FolderContent.list(folder).files()) {
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(HexFormat.of().parseHex(fileSha256(folder.resolve(relative))));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
