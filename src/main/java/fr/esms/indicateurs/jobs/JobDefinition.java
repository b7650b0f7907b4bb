package fr.esms.indicateurs.jobs;

import org.springframework.scheduling.support.CronExpression;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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

        static Kind of(String code, Path file) {
            return Stream.of(values()).filter(k -> k.code.equals(code)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(file + " : job « " + code + " » inconnu (nuit ou mensuel-ars)"));
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

    public static JobDefinition load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("définition de job illisible : " + file + " (" + e.getMessage() + ")");
        }
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".properties".length());
        Map<String, String> parameters = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> parameters.put(k, properties.getProperty(k)));
        String cron = parameters.remove("planification");
        if (cron == null) {
            throw new IllegalArgumentException(file + " : « planification » manquante (expression cron)");
        }
        CronExpression schedule;
        try {
            schedule = CronExpression.parse(cron.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " : planification « " + cron + " » invalide (" + e.getMessage()
                    + ")");
        }
        Kind kind = Kind.of(String.valueOf(parameters.remove("job")).trim(), file);
        return new JobDefinition(name, kind, schedule, parameters);
    }

    /** Every {@code *.properties} of a folder, by name. */
    public static List<JobDefinition> loadAll(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted()
                    .map(JobDefinition::load).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("dossier des jobs illisible : " + folder + " (" + e.getMessage() + ")");
        }
    }
}
