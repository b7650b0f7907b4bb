package fr.esms.indicateurs.report;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.YearMonth;

/** File and folder names built from input: only {@code [A-Za-z0-9_-]}, so nothing can escape the output folder. */
public final class PathParts {

    static final int MAX_LENGTH = 64;
    static final String UNKNOWN = "inconnu";

    private PathParts() {
    }

    /**
     * Accents are dropped ({@code é} becomes {@code e}), every other character outside {@code [A-Za-z0-9_-]}
     * becomes {@code _}, the result is cut at {@value #MAX_LENGTH} characters; null or blank gives
     * {@value #UNKNOWN}.
     */
    public static String sanitise(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        String ascii = Normalizer.normalize(raw.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe;
    }

    /** {@code AAAA-MM}. */
    static String month(YearMonth month) {
        return sanitise(String.format("%04d-%02d", month.getYear(), month.getMonthValue()));
    }

    /** Resolves {@code parts} under {@code base}, checking the result stays inside it. */
    static Path under(Path base, String... parts) {
        Path root = base.toAbsolutePath().normalize();
        Path target = root;
        for (String part : parts) {
            target = target.resolve(part);
        }
        target = target.normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("chemin de sortie hors du dossier " + root + " : " + target);
        }
        return target;
    }
}
