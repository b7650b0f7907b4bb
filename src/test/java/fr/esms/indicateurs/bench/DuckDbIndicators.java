package fr.esms.indicateurs.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark yardstick (not a test): computes the indicators of a generated dataset with DuckDB
 * ({@code bench/indicateurs.sql}), prints its time, and compares its figures with esms-indicateurs' output.
 * Needs the DuckDB JDBC driver on the class path ({@code -Pbench}).
 *
 * <p>Arguments: dataset folder (with depot/ and referentiel/), measure month, our indicateurs CSV.
 */
public final class DuckDbIndicators {

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]).toAbsolutePath();
        YearMonth month = YearMonth.parse(args[1]);
        Path ours = Path.of(args[2]);
        Path out = dataset.resolve("duckdb.csv");
        String sql = Files.readString(Path.of("bench/indicateurs.sql"), StandardCharsets.UTF_8)
                .replace("${DEPOT}", dataset.resolve("depot").toString())
                .replace("${REF}", dataset.resolve("referentiel").toString())
                .replace("${WS}", month.atDay(1).toString())
                .replace("${WE}", month.atEndOfMonth().toString())
                .replace("${OUT}", out.toString());
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                String body = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!body.isBlank()) {
                    s.execute(body);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("DuckDB : %.2f s%n", seconds);
        long differences = compare(out, ours);
        System.out.println("Écarts avec esms-indicateurs : " + differences);
        if (differences > 0) {
            System.exit(1); // the benchmark (and its smoke run in CI) fails on any difference
        }
    }

    /** Number of ESSMS whose figures differ, comparing the columns both compute. */
    static long compare(Path duck, Path ours) throws Exception {
        Map<String, String> fromOurs = new HashMap<>();
        Map<String, Map<String, String[]>> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(ours, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            rows.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[3], f);
        }
        rows.forEach((finess, byIndicator) -> fromOurs.put(finess, String.join(";", finess,
                byIndicator.get("DOSSIERS_ACTIFS")[4], byIndicator.get("DOSSIERS_ACTIFS")[5],
                byIndicator.get("PROJET_PERSONNALISE")[4], byIndicator.get("AGENDA")[4], byIndicator.get("MSS")[4],
                byIndicator.get("DMP")[4], byIndicator.get("DMP")[7])));
        List<String> duckLines = Files.readAllLines(duck, StandardCharsets.UTF_8);
        long differences = 0;
        for (String line : duckLines.subList(1, duckLines.size())) {
            String finess = line.substring(0, line.indexOf(';'));
            if (!line.equals(fromOurs.get(finess))) {
                if (differences < 5) {
                    System.out.println("  DuckDB   " + line + System.lineSeparator() + "  esms     " + fromOurs.get(finess));
                }
                differences++;
            }
        }
        return differences;
    }
}
