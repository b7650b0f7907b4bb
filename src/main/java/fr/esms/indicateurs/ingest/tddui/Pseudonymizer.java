package fr.esms.indicateurs.ingest.tddui;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns an identifier that may embed an identity (a patient's local identifier, a stay or event identifier built on
 * an INS-NIR) into a pseudonym: HMAC-SHA-256 under the base's key, cut to 128 bits (collisions stay out of reach
 * for any number of records a region holds) and written in hexadecimal. The same key always gives the same
 * pseudonym, so the exports of successive months combine; without the key a pseudonym cannot be linked back.
 */
public final class Pseudonymizer {

    static final String ALGORITHM = "HmacSHA256";
    static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    /** A Mac is not thread-safe and costly to look up: one per thread, for this key only. */
    private final ThreadLocal<Mac> macs;

    public Pseudonymizer(byte[] keyBytes) {
        if (keyBytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("clé de pseudonymisation trop courte : " + keyBytes.length
                    + " octets, au moins " + MIN_KEY_BYTES + " attendus");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String pseudonym(String identifier) {
        byte[] digest = macs.get().doFinal(identifier.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable in this JVM", e);
        }
    }
}
