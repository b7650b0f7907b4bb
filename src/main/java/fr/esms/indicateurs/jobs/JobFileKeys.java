package fr.esms.indicateurs.jobs;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The keys a job file ({@code jobs/*.properties}) may hold, and the line of each key in the file: a key the job
 * does not read would be ignored in silence while the job computes something else, so every one is checked.
 */
final class JobFileKeys {

    /**
     * Read by both kinds: {@code regles} the ARS's rules folder, {@code listes} the work lists (refused at launch
     * for nuit when oui), {@code mot-de-passe-fichier} the password of the mailed workbooks.
     */
    static final List<String> COMMON = List.of("job", "planification", "depot", "referentiel", "sortie", "base",
            "fenetre", "archiver", "profils", "profil", "regles", "listes", DefinitionLauncher.PASSWORD_FILE_KEY);
    /** The day of the following month after which an export is listed as late (regional workbook). */
    static final String LATE_DAY = "jourLimite";

    private static final Map<String, String> MISPLACED = Map.of(
            "mois", "le mois ne se règle pas dans un job : mensuel-ars calcule toujours le mois qui précède le jour"
                    + " de son lancement, nuit les mois que touchent les nouveaux paquets ; pour calculer un autre"
                    + " mois, lancer « executer --mois AAAA-MM »",
            "projet", "le solde ne se planifie pas : lancer la commande « solde --projet … »",
            "fenetreDui", "le solde ne se planifie pas : lancer la commande « solde »",
            "fenetreServices", "le solde ne se planifie pas : lancer la commande « solde »");

    private JobFileKeys() {
    }

    static List<String> allowed(JobDefinition.Kind kind) {
        List<String> keys = new ArrayList<>(COMMON);
        if (kind != JobDefinition.Kind.NUIT) {
            keys.add(LATE_DAY);
        }
        return keys;
    }

    /** Why the key is refused in a job of this kind (null kind: unknown job), or null when it is allowed. */
    static String refusal(String key, JobDefinition.Kind kind) {
        List<String> allowed = allowed(kind);
        if (allowed.contains(key)) {
            return null;
        }
        if (key.equals(LATE_DAY)) {
            return "« " + LATE_DAY + " » ne vaut que pour mensuel-ars : nuit réécrit les classeurs du mois avec le"
                    + " jour limite par défaut (le 10)";
        }
        String reason = MISPLACED.get(key);
        if (reason != null) {
            return "clé « " + key + " » refusée : " + reason;
        }
        List<String> near = nearest(key, allowed);
        return "clé « " + key + " » inconnue" + (near.isEmpty() ? ""
                : " : vouliez-vous dire « " + String.join(" » ou « ", near) + " » ?")
                + " (clés admises" + (kind == null ? "" : " pour " + kind.code()) + " : " + String.join(", ", allowed)
                + ")";
    }

    /**
     * The allowed keys closest to a mistyped one (same letters but for case, accents and dashes, then at most one
     * letter added, dropped or changed), or none.
     */
    private static List<String> nearest(String key, List<String> allowed) {
        String typed = plain(key);
        for (int distance = 0; distance <= 1; distance++) {
            int d = distance;
            List<String> found = allowed.stream().filter(k -> editDistance(plain(k), typed) == d).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Levenshtein distance (keys are short). */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Lower case, without accents, dashes nor underscores: {@code --Dépôt} and {@code depot} are alike. */
    private static String plain(String key) {
        String unaccented = Normalizer.normalize(key, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return unaccented.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    }

    /**
     * Each key of the file with the physical lines (from 1) where it is given, in file order, read as
     * {@link Properties#load} reads it (comments, continuation lines, escapes).
     */
    static Map<String, List<Integer>> lines(List<String> physicalLines) {
        Map<String, List<Integer>> keys = new LinkedHashMap<>();
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < physicalLines.size(); i++) {
            String line = physicalLines.get(i);
            if (logical.isEmpty()) {
                String stripped = line.stripLeading();
                if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                    continue;
                }
                start = i + 1;
            }
            logical.append(line).append('\n');
            if (!continues(line)) {
                String key = keyOf(logical.toString());
                if (key != null) {
                    keys.computeIfAbsent(key, k -> new ArrayList<>()).add(start);
                }
                logical.setLength(0);
            }
        }
        return keys;
    }

    /** A line ending with an odd number of backslashes goes on on the next line. */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The key of one logical line, or null (a malformed escape: {@link Properties#load} says so first). */
    private static String keyOf(String logicalLine) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(logicalLine));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return one.stringPropertyNames().stream().findFirst().orElse(null);
    }
}
