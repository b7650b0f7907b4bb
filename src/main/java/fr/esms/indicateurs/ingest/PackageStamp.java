package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a package of the dépôt, with the state of its files when it was computed: a package whose files
 * are in the same state at the next scan need not be read and hashed again.
 *
 * <p>The state covers, for a zip, its size, modification time (to the nanosecond the file system keeps) and file
 * identity (device and inode where the system gives them); for a folder, the same for each visible regular file,
 * with its relative path, so that a file added, removed, replaced or rewritten changes it. As with git's index, a
 * file modified within the clock tick of its recorded time could keep its time: a stamp is only kept when every
 * file is older than {@link #SETTLED} at the scan ({@link #settledAt}), so a later change always moves the time.
 *
 * @param name   the package's name in the dépôt
 * @param state  the SHA-256 of the state of its files
 * @param sha256 the package's hash ({@link DepotScanner})
 */
public record PackageStamp(String name, String state, String sha256) {

    /** How old the newest file of a package must be for its stamp to be kept (FAT keeps times to 2 s). */
    static final java.time.Duration SETTLED = java.time.Duration.ofSeconds(2);

    /** The state of a package's files, and the modification time of its newest file. */
    record State(String hash, Instant newest) {

        boolean settledAt(Instant scan) {
            return newest.isBefore(scan.minus(SETTLED));
        }
    }

    static State stateOf(Path entry) throws IOException {
        MessageDigest digest = newDigest();
        Instant newest = Instant.MIN;
        List<String> files = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                ? FolderContent.list(entry).files() : List.of("");
        for (String relative : files) {
            Path file = relative.isEmpty() ? entry : entry.resolve(relative);
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Instant modified = attributes.lastModifiedTime().toInstant();
            newest = modified.isAfter(newest) ? modified : newest;
            digest.update((relative + '\0' + attributes.size() + '\0' + modified + '\0' + attributes.fileKey()
                    + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return new State(HexFormat.of().formatHex(digest.digest()), newest);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
