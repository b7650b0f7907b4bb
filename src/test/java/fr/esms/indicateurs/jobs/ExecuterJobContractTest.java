package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.test.JobLauncherTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole {@code executer} job on {@code sample-data/}, compared row by row with the figures computed by hand in
 * {@code sample-data/CALCULS.md}. Subclasses choose the database.
 */
@SpringBatchTest
@SpringBootTest(classes = EsmsIndicateursApplication.class)
abstract class ExecuterJobContractTest {

    static final Path SAMPLE = Path.of("sample-data");
    static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Autowired
    JobLauncherTestUtils jobs;

    @Autowired
    void useExecuterJob(@org.springframework.beans.factory.annotation.Qualifier("executerJob")
                        org.springframework.batch.core.Job executerJob) {
        jobs.setJob(executerJob);
    }

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path output;

    JobParameters parameters(int windowMonths, Path out) {
        return new JobParametersBuilder(ExecuterLauncher.parameters(new ExecuterLauncher.Request(
                SAMPLE.resolve("depot"), SAMPLE.resolve("referentiel"), MONTH, windowMonths, out)))
                .addString(JobLaunches.RUN, UUID.randomUUID().toString())
                .toJobParameters();
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static List<String> expected(int windowMonths) throws IOException {
        return lines(Path.of("src/test/resources/attendu/indicateurs-2026-10-fenetre-" + windowMonths + ".csv"));
    }

    Path indicators(Path out) {
        return out.resolve("indicateurs").resolve(MONTH + ".csv");
    }

    @Test
    void oneMonthWindowMatchesTheHandComputedFigures() throws Exception {
        JobExecution execution = jobs.launchJob(parameters(1, output));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lines(indicators(output))).containsExactlyElementsOf(expected(1));
    }

    @Test
    void threeMonthWindowMatchesTheHandComputedFigures() throws Exception {
        JobExecution execution = jobs.launchJob(parameters(3, output));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lines(indicators(output))).containsExactlyElementsOf(expected(3));
    }

    @Test
    void runningTwiceGivesTheSameFiguresAndStoresNothingTwice() throws Exception {
        jobs.launchJob(parameters(1, output));
        String counts = storeCounts();
        Path second = output.resolve("second");
        JobExecution again = jobs.launchJob(parameters(1, second));

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lines(indicators(second))).containsExactlyElementsOf(lines(indicators(output)));
        assertThat(lines(second.resolve("rejets").resolve(MONTH + ".csv")))
                .containsExactlyElementsOf(lines(output.resolve("rejets").resolve(MONTH + ".csv")));
        assertThat(storeCounts()).isEqualTo(counts);
    }

    @Test
    void aFailedRunRestartedGivesTheSameFile() throws Exception {
        // The output folder cannot be created while a plain file holds its name: the export step fails.
        Path blocked = output.resolve("bloque");
        Files.writeString(blocked, "occupé");
        JobParameters params = parameters(1, blocked);
        JobExecution failed = jobs.launchJob(params);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        Files.delete(blocked);
        JobExecution restarted = jobs.launchJob(params);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        // Completed steps are not run again: only the export step and the one after it ran in the restart.
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName())
                .containsExactly("exporterResultats", "ecrireRapports");
        assertThat(lines(indicators(blocked))).containsExactlyElementsOf(expected(1));
    }

    @Test
    void rejectedRowsAreReportedWithFileLineAndColumn() throws Exception {
        jobs.launchJob(parameters(1, output));

        List<String> rejects = lines(output.resolve("rejets").resolve(MONTH + ".csv"));
        assertThat(rejects.get(0)).isEqualTo("paquet;fichier;ligne;colonne;valeur;motif");
        assertThat(rejects).hasSizeGreaterThan(1);
        // No NIR-like value is ever copied into the report.
        assertThat(rejects).noneMatch(line -> line.matches(".*;[1278][0-9]{12}(;|$).*"));
    }

    @Test
    void writesOneWorkbookPerEssmsOfTheReferentialAndTheRegionalWorkbook() throws Exception {
        jobs.launchJob(parameters(1, output));

        try (var files = Files.walk(output.resolve("rapports"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".xlsx")).map(f -> output.relativize(f).toString()))
                    .containsExactlyInAnyOrder(
                            "rapports/PRJ-ARA-2025-014/690784129_2026-10.xlsx",
                            "rapports/PRJ-ARA-2025-014/010783157_2026-10.xlsx",
                            "rapports/PRJ-ARA-2025-014/380789230_2026-10.xlsx",
                            "rapports/PRJ-ARA-2025-031/420781569_2026-10.xlsx",
                            "rapports/PRJ-ARA-2025-031/430786400_2026-10.xlsx",
                            "rapports/PRJ-ARA-2025-031/730783313_2026-10.xlsx");
        }
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                output.resolve("ars/synthese_2026-10.xlsx").toFile(), null, true)) {
            // The SSIAD sent nothing this month: the ARS must see it on the completeness sheet.
            var completeness = workbook.getSheet("Complétude");
            boolean listed = false;
            for (var row : completeness) {
                for (var cell : row) {
                    listed |= cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals("380789230");
                }
            }
            assertThat(listed).as("ESSMS sans données listé dans Complétude").isTrue();
        }
    }

    @Test
    void theDataQualitySheetListsTheFilesOfEveryPackageWithTheirStoredCounts() throws Exception {
        jobs.launchJob(parameters(1, output));

        // The MECS is fed by two packages of its gestionnaire (an export and its correctif).
        List<String> listed = new java.util.ArrayList<>();
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                output.resolve("rapports/PRJ-ARA-2025-031/420781569_2026-10.xlsx").toFile(), null, true)) {
            for (var row : workbook.getSheet("Qualité des données")) {
                var name = row.getCell(0);
                var read = row.getCell(2);
                if (name != null && read != null && name.getStringCellValue().startsWith("cortex_")
                        && read.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    listed.add(name.getStringCellValue() + " " + row.getCell(1).getStringCellValue() + " "
                            + (long) read.getNumericCellValue() + " " + (long) row.getCell(3).getNumericCellValue()
                            + " " + (long) row.getCell(4).getNumericCellValue());
                }
            }
        }
        List<String> stored = jdbc.queryForList("SELECT p.nom || ' ' || f.fichier || ' ' || f.lus || ' ' || "
                + "f.retenus || ' ' || f.rejetes FROM paquet_fichier f JOIN paquet p ON p.sha256 = f.sha256 "
                + "WHERE p.nom LIKE 'cortex_420790172%' ORDER BY p.ordre, f.fichier", String.class);
        assertThat(stored).anyMatch(line -> line.startsWith("cortex_420790172_2026-10_correctif "))
                .anyMatch(line -> line.startsWith("cortex_420790172_2026-10 "));
        assertThat(listed).containsExactlyElementsOf(stored);
    }

    private String storeCounts() {
        StringBuilder counts = new StringBuilder();
        for (String table : List.of("paquet", "paquet_essms", "paquet_fichier", "segment", "agregat",
                "paquet_rejet", "resultat")) {
            counts.append(table).append('=')
                    .append(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).append(' ');
        }
        return counts.toString();
    }
}
