package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.test.JobLauncherTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static fr.esms.indicateurs.jobs.ExecuterJobContractTest.MONTH;
import static fr.esms.indicateurs.jobs.ExecuterJobContractTest.expected;
import static fr.esms.indicateurs.jobs.ExecuterJobContractTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same records sent through the pivot format and through each editor profile give identical indicators.
 * In {@code sample-data/editeurs/}, Soignéo (Windows-1252, {@code ;}, dd/MM/yyyy, its own words) exports for its EHPAD
 * 260781000 the very records Logivie exports in the pivot format for its EHPAD 690784129, and Kaliopé ({@code ,},
 * UTF-8 with BOM, ISO date-times, zipped in a sub-folder, manifest in the package name) those of Logivie's IME
 * 010783157 for its IME 740781000; Pilotis sends only {@code agregats.csv}, with the figures of Logivie's EHPAD, for
 * its EHPAD 630781003 (see {@code sample-data/editeurs/fabriquer.py}).
 */
@SpringBatchTest
@SpringBootTest(classes = EsmsIndicateursApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:editeurs;DB_CLOSE_DELAY=-1")
class ProfileEquivalenceTest {

    static final Path EDITORS = Path.of("sample-data/editeurs");

    @Autowired
    JobLauncherTestUtils jobs;

    @Autowired
    void useExecuterJob(@Qualifier("executerJob") Job executerJob) {
        jobs.setJob(executerJob);
    }

    @TempDir
    Path output;

    @ParameterizedTest(name = "fenêtre de {0} mois")
    @ValueSource(ints = {1, 3})
    void eachProfileGivesTheFiguresOfThePivotExportOfTheSameRecords(int window) throws Exception {
        List<String> indicators = run(window);

        List<String> ehpad = rowsOf(indicators, "690784129");
        List<String> ime = rowsOf(indicators, "010783157");
        assertThat(ehpad).hasSize(7).isEqualTo(rowsOf(expected(window), "690784129"));
        assertThat(ime).hasSize(7).isEqualTo(rowsOf(expected(window), "010783157"));
        assertThat(rowsOf(indicators, "260781000")).as("Soignéo").isEqualTo(ehpad);
        assertThat(rowsOf(indicators, "740781000")).as("Kaliopé").isEqualTo(ime);
        // Pilotis gives only its dashboard counts of the same EHPAD: the five indicators with a target are the
        // same; an aggregate carries no counter.
        assertThat(rowsOf(indicators, "630781003")).as("Pilotis").isEqualTo(ehpad.stream()
                .map(row -> row.matches(".*;EP(RESCRIPTION|ARCOURS);.*") ? row.replaceFirst(
                        "(EP(?:RESCRIPTION|ARCOURS));[0-9]+;", "$1;0;") : row).toList());
    }

    @Test
    void rejectionsNameTheEditorsOwnFileLineColumnAndValue() throws Exception {
        run(1);

        assertThat(lines(output.resolve("rejets").resolve(MONTH + ".csv"))).containsExactly(
                "paquet;fichier;ligne;colonne;valeur;motif",
                "SOIGNEO_260791009_EXPORT_2026-09;SOIGNEO_MSSANTE.csv;12;Envoyé le;31/09/2026;date mal formée ou "
                        + "impossible (attendu dd/MM/yyyy ou dd/MM/yyyy HH:mm ou dd/MM/yyyy HH:mm:ss)",
                "SOIGNEO_260791009_EXPORT_2026-10;SOIGNEO_AGENDA.csv;8;N° FINESS;690784128;numéro FINESS avec une "
                        + "clé de contrôle (Luhn) fausse",
                "logivie_690793054_2026-09;mss.csv;12;date_envoi;2026-09-31;date impossible (attendu AAAA-MM-JJ ou "
                        + "AAAA-MM-JJTHH:MM[:SS])",
                "logivie_690793054_2026-10.zip;agenda.csv;8;finess;690784128;numéro FINESS avec une clé de contrôle "
                        + "(Luhn) fausse");
    }

    @Autowired
    SoldeLauncher solde;

    @Test
    void theSoldeJudgesAnAggregateOnlyEssmsOnTheAggregateOfItsFinalWindow() throws Exception {
        run(3);
        Path out = output.resolve("solde");

        SoldeLauncher.Summary summary = solde.run(new SoldeLauncher.Request("PRJ-ARA-2025-052", MONTH, 3, 3, out,
                "solde --projet PRJ-ARA-2025-052 --mois 2026-10", "test"), null);

        assertThat(summary.exitCode()).isEqualTo(RunSummary.SUCCESS);
        List<String> proof = lines(out.resolve("solde/PRJ-ARA-2025-052_2026-10.csv"));
        // Pilotis' 3-month aggregate holds the counts of the records Soignéo exports: same figures, same gap.
        List<String> pilotis = indicatorLines(proof, "630781003");
        assertThat(pilotis).hasSize(5).isEqualTo(indicatorLines(proof, "260781000"));
        assertThat(pilotis).contains("PROJET_PERSONNALISE;2026-08-01;2026-10-31;12;17;0;17;70.6;90;NON;4;;;;;;;;");
        assertThat(proof).anyMatch(l -> l.startsWith("ESSMS;PRJ-ARA-2025-052;2026-10;2025;" + RULES_2025 + ";2;630781003;")
                && l.contains(";NON_ATTEINTE;"));
    }

    /** The SHA-256 of the built-in 2025 rules files, stated on every row of the solde's CSV. */
    static final String RULES_2025 = new fr.esms.indicateurs.referential.RulesLoader().builtIn().find("2025")
            .orElseThrow().fingerprint();

    private static List<String> indicatorLines(List<String> proof, String finess) {
        String prefix = "INDICATEUR;PRJ-ARA-2025-052;2026-10;2025;";
        return proof.stream().filter(l -> l.startsWith(prefix) && l.contains(";" + finess + ";"))
                .map(l -> l.substring(l.indexOf(finess) + finess.length() + 1)).toList();
    }

    private List<String> run(int window) throws Exception {
        Path out = output;
        ExecuterLauncher.Request request = new ExecuterLauncher.Request(EDITORS.resolve("depot"),
                EDITORS.resolve("referentiel"), MONTH, window, out, false, EDITORS.resolve("profils"), null);
        JobExecution execution = jobs.launchJob(new JobParametersBuilder(ExecuterLauncher.parameters(request))
                .addString(JobLaunches.RUN, UUID.randomUUID().toString()).toJobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return lines(out.resolve("indicateurs").resolve(MONTH + ".csv"));
    }

    /** The rows of one ESSMS without their FINESS column. */
    static List<String> rowsOf(List<String> indicators, String finess) throws IOException {
        return indicators.stream().filter(l -> l.startsWith(finess + ";"))
                .map(l -> l.substring(finess.length() + 1)).toList();
    }
}
