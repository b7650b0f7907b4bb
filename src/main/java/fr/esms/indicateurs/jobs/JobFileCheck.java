package fr.esms.indicateurs.jobs;

import org.springframework.scheduling.support.CronExpression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of one job file, gathering every problem with its line before the file is refused. */
final class JobFileCheck {

    private static final List<String> REQUIRED = List.of("depot", "referentiel", "sortie");

    private final Path file;
    private final Map<String, List<Integer>> lines;
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param lines  each key with the lines it is given on ({@link JobFileKeys#lines})
     * @param values each key's value as {@link java.util.Properties} read it
     */
    JobFileCheck(Path file, Map<String, List<Integer>> lines, Map<String, String> values) {
        this.file = file;
        this.lines = lines;
        this.values = values;
    }

    /** The job's kind, or null after noting why there is none. */
    JobDefinition.Kind kind() {
        String code = value("job");
        if (code == null) {
            problem("job", "« job » manquant (nuit ou mensuel-ars)");
            return null;
        }
        JobDefinition.Kind kind = JobDefinition.Kind.of(code);
        if (kind == null) {
            problem("job", "job « " + code + " » inconnu (nuit ou mensuel-ars)");
        }
        return kind;
    }

    /** Every key must be read by the job, and given once. */
    void keys(JobDefinition.Kind kind) {
        for (Map.Entry<String, List<Integer>> e : lines.entrySet()) {
            String key = e.getKey();
            List<Integer> at = e.getValue();
            if (at.size() > 1) {
                problems.add(file + ", lignes " + String.join(" et ", at.stream().map(String::valueOf).toList())
                        + " : clé « " + key + " » donnée " + at.size() + " fois : une seule valeur attendue (la"
                        + " dernière remplacerait les autres sans le dire)");
            }
            String refusal = JobFileKeys.refusal(key, kind);
            if (refusal != null) {
                problem(key, refusal);
            }
        }
    }

    /** The schedule, or null after noting why it is missing or invalid. */
    CronExpression schedule() {
        String cron = value("planification");
        if (cron == null) {
            problem("planification", "« planification » manquante (expression cron)");
            return null;
        }
        try {
            return CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            problem("planification", "planification « " + cron + " » invalide (" + e.getMessage() + ")");
            return null;
        }
    }

    /** The values the launcher reads: required folders, the window, the filing away, the late day. */
    void values(JobDefinition.Kind kind) {
        for (String key : REQUIRED) {
            if (value(key) == null) {
                problem(key, "« " + key + " » manquant ou vide (un dossier est attendu)");
            }
        }
        integer("fenetre", 1, 12, "fenêtre de 1 à 12 mois attendue");
        String fileAway = value("archiver");
        if (fileAway != null && !fileAway.equals("oui") && !fileAway.equals("non")) {
            problem("archiver", "archiver « " + fileAway + " » : oui ou non attendu");
        }
        if (kind != JobDefinition.Kind.NUIT) {
            integer(JobFileKeys.LATE_DAY, 1, 31, "jour du mois de 1 à 31 attendu");
        }
    }

    private void integer(String key, int min, int max, String expected) {
        String value = value(key);
        if (value == null) {
            return;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problem(key, key + " « " + value + " » : " + expected);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidJobFileException(String.join("\n", problems));
        }
    }

    /** The trimmed value, or null when absent or empty. */
    private String value(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A problem, with the (last) line of the key when the file gives it. */
    private void problem(String key, String message) {
        List<Integer> at = lines.get(key);
        problems.add(file + (at == null ? "" : ", ligne " + at.get(at.size() - 1)) + " : " + message);
    }
}
