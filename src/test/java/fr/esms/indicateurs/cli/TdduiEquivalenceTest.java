package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.generate.DatasetGenerator;
import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same generated dataset, written once in pivot CSV and once as TDDUI bundles ({@code generer --format tddui}),
 * gives identical {@code indicateurs/AAAA-MM.csv} files, on H2 and on PostgreSQL, for windows of 1 and 3 months.
 */
class TdduiEquivalenceTest {

    static final String MONTH = "2026-10";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, fenêtre de {1} mois")
    @CsvSource({"h2,1", "h2,3", "postgresql,1", "postgresql,3"})
    void pivotAndTdduiGiveTheSameIndicators(String database, int window) throws Exception {
        if (database.equals("postgresql")) {
            Assumptions.assumeTrue(Postgres.available(), Postgres.UNAVAILABLE);
        }
        DatasetGenerator.Settings settings = new DatasetGenerator.Settings(15, YearMonth.parse(MONTH), 3, 7, 4,
                0.01);
        new DatasetGenerator(settings, DatasetGenerator.Format.PIVOT).write(dir.resolve("pivot"));
        new DatasetGenerator(settings, DatasetGenerator.Format.TDDUI).write(dir.resolve("tddui"));
        assertThat(Files.readString(dir.resolve("tddui/depot/export_" + firstEj() + "_" + MONTH + "_tddui/bundle.json")))
                .contains("\"resourceType\":\"Bundle\"").contains("tddui-encounter-evenement");

        List<String> pivot = run("pivot", database, window);
        List<String> tddui = run("tddui", database, window);

        assertThat(pivot).hasSizeGreaterThan(15 * 7);
        assertThat(tddui).isEqualTo(pivot);
        // not all zero: the comparison means something
        assertThat(pivot).anyMatch(l -> l.contains(";AGENDA;") && !l.contains(";AGENDA;0;"));
    }

    private String firstEj() throws Exception {
        return Files.readAllLines(dir.resolve("pivot/referentiel/essms.csv")).get(1).split(";")[1];
    }

    private List<String> run(String format, String database, int window) throws Exception {
        String base = database.equals("h2") ? "jdbc:h2:file:" + dir.resolve("base-" + format) : Postgres.freshSchemaUrl();
        System.setProperty("esms.pseudonymes.fichier", dir.resolve("cle-" + format).toString());
        try {
            StringWriter out = new StringWriter();
            Path results = dir.resolve("sortie-" + format);
            int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(
                    "executer", "--depot", dir.resolve(format + "/depot").toString(), "--referentiel",
                    dir.resolve(format + "/referentiel").toString(), "--mois", MONTH, "--fenetre",
                    String.valueOf(window), "--sortie", results.toString(), "--base", base);
            assertThat(code).as(out.toString()).isIn(0, 3); // 3: success with rejected rows (the invalid ones of the dataset)
            return Files.readAllLines(results.resolve("indicateurs/" + MONTH + ".csv"), StandardCharsets.UTF_8);
        } finally {
            System.clearProperty("esms.pseudonymes.fichier");
        }
    }
}
