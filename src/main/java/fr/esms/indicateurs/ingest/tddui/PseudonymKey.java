package fr.esms.indicateurs.ingest.tddui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the pseudonymisation key of a base comes from: the environment variable {@value #ENV} (the key itself, in
 * Base64), else a key file (Base64 text). The file is created with a fresh random key the first time a TDDUI
 * package is read, readable by its owner only. Its default place is beside the base (an H2 file base:
 * {@code <base>.cle-pseudonymes}), so that the base and its key are backed up and moved together; it is never inside
 * the base, so a dump of the base alone does not let anyone recompute a pseudonym from a guessed INS.
 */
public final class PseudonymKey {

    public static final String ENV = "ESMS_CLE_PSEUDONYMES";
    static final String SUFFIX = ".cle-pseudonymes";
    /** For a base that is not an H2 file (PostgreSQL): in the working directory, where the default base lives. */
    static final Path OTHER_BASES = Path.of("data", "cle-pseudonymes");

    private final String fromEnvironment;
    private final Path file;
    private Pseudonymizer loaded;

    /**
     * @param fromEnvironment the value of {@value #ENV}, or null
     * @param file            the key file (read, or created at first use)
     */
    public PseudonymKey(String fromEnvironment, Path file) {
        this.fromEnvironment = fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
        this.file = file;
    }

    /** The key of the base at {@code jdbcUrl}: the environment's, the named file's, or the default file's. */
    public static PseudonymKey forBase(String jdbcUrl, String namedFile) {
        Path file = namedFile != null && !namedFile.isBlank() ? Path.of(namedFile.trim()) : defaultFile(jdbcUrl);
        return new PseudonymKey(System.getenv(ENV), file);
    }

    static Path defaultFile(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (jdbcUrl != null && jdbcUrl.startsWith(prefix)) {
            String path = jdbcUrl.substring(prefix.length());
            int options = path.indexOf(';');
            return Path.of((options < 0 ? path : path.substring(0, options)) + SUFFIX);
        }
        return OTHER_BASES;
    }

    /** Where the key is, in French, for messages and the documentation. */
    public String origin() {
        return fromEnvironment != null ? "variable d'environnement " + ENV : "fichier " + file;
    }

    /** The key, read or created once (the first TDDUI package of the run). */
    public synchronized Pseudonymizer pseudonymizer() {
        if (loaded == null) {
            loaded = new Pseudonymizer(fromEnvironment != null ? decode(fromEnvironment, origin()) : readOrCreate());
        }
        return loaded;
    }

    private byte[] readOrCreate() {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[Pseudonymizer.MIN_KEY_BYTES];
                new SecureRandom().nextBytes(key);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                try {
                    Files.write(file, Base64.getEncoder().encode(key), StandardOpenOption.CREATE_NEW);
                    ownerOnly(file);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it meanwhile: its key is the base's
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), origin());
        } catch (IOException e) {
            throw new UncheckedIOException("clé de pseudonymisation illisible ou impossible à créer (" + file + ")", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }

    private static byte[] decode(String base64, String origin) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("clé de pseudonymisation (" + origin + ") : Base64 attendu");
        }
        if (key.length < Pseudonymizer.MIN_KEY_BYTES) {
            throw new IllegalStateException("clé de pseudonymisation (" + origin + ") : " + key.length
                    + " octets, au moins " + Pseudonymizer.MIN_KEY_BYTES + " attendus");
        }
        return key;
    }
}
