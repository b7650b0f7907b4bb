package fr.esms.indicateurs.jobs;

import org.springframework.scheduling.support.CronExpression;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A scheduled job as an operator writes it in {@code jobs/<nom>.properties}: which job, when (a cron expression
 * with seconds: {@code s min h jour mois jour-semaine}) and with which parameters.
 */
public record JobDefinition(String name, Kind kind, CronExpression schedule, Map<String, String> parameters) {

    public enum Kind {
        /** Ingest the dépôt, recompute only the months touched. */
        NUIT("nuit"),
        /** The ARS's monthly run: the previous month for every ESSMS, with the regional workbook. */
        MENSUEL_ARS("mensuel-ars");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The kind written {@code code}, or null. */
        static Kind of(String code) {
            return Stream.of(values()).filter(k -> k.code.equals(code)).findFirst().orElse(null);
        }
    }

    /** The ARS's rules folder; empty or absent: the built-in rules versions. */
    public static final String RULES_KEY = "regles";

    public String parameter(String key) {
        String value = parameters.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("définition " + name + " : paramètre « " + key + " » manquant");
        }
        return value.trim();
    }

    public String optional(String key) {
        String value = parameters.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The measure month of a monthly run started today: the month before. */
    public YearMonth monthFor(Clock clock) {
        return YearMonth.from(LocalDate.now(clock)).minusMonths(1);
    }

    /**
     * Reads and checks a job file: every key must be one the job reads (a key ignored in silence would let the
     * job compute something else than what the file says), given once, with a valid value.
     *
     * @throws InvalidJobFileException naming the file, and the line and key of every problem
     */
    public static JobDefinition load(Path file) {
        List<String> lines;
        Properties properties = new Properties();
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            properties.load(new StringReader(String.join("\n", lines)));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidJobFileException("définition de job illisible : " + file + " (" + e.getMessage() + ")");
        }
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".properties".length());
        Map<String, String> parameters = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> parameters.put(k, properties.getProperty(k)));
        JobFileCheck check = new JobFileCheck(file, JobFileKeys.lines(lines), parameters);
        Kind kind = check.kind();
        check.keys(kind);
        CronExpression schedule = check.schedule();
        check.values(kind);
        check.throwIfAny();
        parameters.remove("planification");
        parameters.remove("job");
        return new JobDefinition(name, kind, schedule, parameters);
    }

    /**
     * Every {@code *.properties} of a folder, by name.
     *
     * @throws InvalidJobFileException with the problems of every file, not only the first one's
     */
    public static List<JobDefinition> loadAll(Path folder) {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidJobFileException("dossier des jobs illisible : " + folder + " (" + e.getMessage() + ")");
        }
        List<JobDefinition> definitions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                definitions.add(load(file));
            } catch (InvalidJobFileException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidJobFileException(String.join("\n", problems));
        }
        return definitions;
    }
}
