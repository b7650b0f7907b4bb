package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.JobDefinition;
import fr.esms.indicateurs.jobs.RunSummary;
import fr.esms.indicateurs.referential.RulesLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code regles=} key of a job definition: the nuit job computes with the ARS's folder, or not at all. */
class JobRulesTest {

    @TempDir
    Path work;

    private Path definition(Path rules) throws Exception {
        Path file = work.resolve("nuit.properties");
        Files.writeString(file, """
                job=nuit
                planification=0 30 1 * * *
                depot=%s
                referentiel=%s
                sortie=%s
                base=%s
                regles=%s
                """.formatted(Path.of("sample-data/depot").toAbsolutePath(),
                Path.of("sample-data/referentiel").toAbsolutePath(), work.resolve("sortie"),
                "jdbc:h2:file:" + work.resolve("db"), rules));
        return file;
    }

    private Path copyOfBuiltInRules() throws Exception {
        Path target = work.resolve("regles");
        Path source = Path.of("src/main/resources/regles");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path copy = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else if (!f.getFileName().toString().equals("versions.txt")) {
                    Files.copy(f, copy);
                }
            }
        }
        return target;
    }

    @Test
    void theNightJobComputesWithTheArsRules() throws Exception {
        Path rules = copyOfBuiltInRules();
        Files.writeString(rules.resolve("2025/regles.csv"), Files.readString(rules.resolve("2025/regles.csv"))
                .replace("(appel à projets ESMS numérique 2025)", "(copie de l'ARS Auvergne-Rhône-Alpes)"));
        String fingerprint = new RulesLoader().load(rules).find("2025").orElseThrow().fingerprint();

        int code = PlanifierCommand.runOnce(JobDefinition.load(definition(rules)));

        assertThat(code).isEqualTo(RunSummary.SUCCESS_WITH_REJECTIONS);
        List<String> lines = Files.readAllLines(work.resolve("sortie/indicateurs/2026-10.regles.csv"));
        assertThat(lines).contains("430786400;2025;" + fingerprint);
    }

    @Test
    void aWrongRulesFolderStopsTheJobBeforeItRuns() throws Exception {
        Path rules = copyOfBuiltInRules();
        Files.delete(rules.resolve("2022/cibles.csv"));

        int code = PlanifierCommand.runOnce(JobDefinition.load(definition(rules)));

        assertThat(code).isEqualTo(RunSummary.USAGE);
        assertThat(work.resolve("sortie")).doesNotExist();
        assertThat(work.resolve("db.mv.db")).doesNotExist();
    }
}
