package fr.esms.indicateurs.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 (hex) of a rules version's files, canonical: file names in ascending order, each as its name, a
 * line feed, its size in bytes, a line feed, then its bytes. The same files give the same fingerprint wherever they
 * are (the jar, an ARS folder), and any change to a byte or a name changes it.
 */
public final class RulesFingerprint {

    private RulesFingerprint() {
    }

    public static String of(Map<String, byte[]> filesByName) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 absent de la JVM", e);
        }
        new TreeMap<>(filesByName).forEach((name, content) -> {
            sha256.update((name + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(content);
        });
        return HexFormat.of().formatHex(sha256.digest());
    }
}
