package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.test.JobLauncherTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code executer} and {@code nuit} jobs on a small dépôt where one editor gives only {@code agregats.csv}:
 * a CSAPA (PDS) fed by aggregates only, corrected by a later export; an EHPAD with records and an aggregate of the
 * same window (records win); a PJM service whose only aggregate row is inconsistent (rejected, so no data).
 * Every expected figure is computed by hand in the comments. Subclasses choose the database.
 */
@SpringBatchTest
@SpringBootTest(classes = EsmsIndicateursApplication.class)
abstract class AggregatesJobContractTest {

    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final String CSAPA = "430786400";
    static final String EHPAD = "690784129";
    static final String PJM = "730783313";
    static final String HEADER = "finess;periode_debut;periode_fin;personnes_accompagnees;dossiers_actifs;"
            + "dossiers_actifs_pp;dossiers_actifs_agenda;messages_mss;dmp_alimentes;exclusions_mss;exclusions_dmp\n";

    @Autowired
    JobLauncherTestUtils jobs;

    @Autowired
    @Qualifier("executerJob")
    Job executerJob;

    @Autowired
    @Qualifier("nuitJob")
    Job nuitJob;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @TempDir
    Path work;


    Path depot;
    Path referential;

    @BeforeEach
    void dropPackages() throws IOException {
        jobs.setJob(executerJob);
        referential = write(work.resolve("referentiel"), Map.of(
                "essms.csv", """
                        finess;finess_ej;raison_sociale;categorie;departement;projet_id;editeur
                        430786400;420790172;CSAPA Horizon Haute-Loire;197;43;PRJ-ARA-2025-031;Cortex Informatique
                        690784129;690793054;EHPAD Les Glycines;500;69;PRJ-ARA-2025-014;Logivie
                        730783313;730792181;Service mandataire judiciaire ATS Savoie;340;73;PRJ-ARA-2025-031;Cortex Informatique
                        """,
                "projets.csv", Files.readString(Path.of("sample-data/referentiel/projets.csv")),
                // Refused: the editor's own DMP exclusions of the CSAPA are applied for this exact window.
                "amenagements.csv", """
                        finess;indicateur;motif;nombre;periode_debut;periode_fin;reference
                        430786400;DMP;ANONYMAT;2;2026-10-01;2026-10-31;ARS-ARA-DOS-2026-0412
                        """));
        depot = work.resolve("depot");
        write(depot.resolve("cortex_agregats_2026-10"), Map.of(
                "export.csv", manifest("Cortex Informatique", "420790172", "2026-11-03", "2026-08-01", "2026-10-31"),
                "agregats.csv", HEADER
                        + "430786400;2026-10-01;2026-10-31;40;30;20;20;10;10;0;0\n"
                        + "430786400;2026-08-01;2026-10-31;50;45;45;41;100;30;0;0\n"
                        + "430786400;2026-09-01;2026-09-30;38;30;30;30;20;15;0;0\n"
                        + "730783313;2026-10-01;2026-10-31;20;10;12;8;5;5;0;0\n"));
        // The corrected October figures of the CSAPA, extracted later: they replace the first ones.
        write(depot.resolve("cortex_agregats_2026-10_correctif"), Map.of(
                "export.csv", manifest("Cortex Informatique", "420790172", "2026-11-12", "2026-10-01", "2026-10-31"),
                "agregats.csv", HEADER + "430786400;2026-10-01;2026-10-31;40;36;33;30;25;20;3;4\n"));
        write(depot.resolve("logivie_2026-10"), Map.of(
                "export.csv", manifest("Logivie", "690793054", "2026-11-04", "2026-10-01", "2026-10-31"),
                "usagers.csv", "finess;usager_id;date_entree;date_sortie;motifs_exclusion\n"
                        + "690784129;U1;2026-01-01;;\n690784129;U2;2026-01-01;;\n",
                "dossiers.csv", "finess;dossier_id;usager_id;date_creation;date_derniere_modification\n"
                        + "690784129;D1;U1;2026-01-01;2026-10-05\n",
                // Ignored: the EHPAD has records in the window.
                "agregats.csv", HEADER + "690784129;2026-10-01;2026-10-31;100;100;100;100;100;100;0;0\n"));
    }

    private static String manifest(String editor, String finessEj, String extraction, String start, String end) {
        return "editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin\n"
                + editor + ";DUI;1.0;" + finessEj + ";" + extraction + ";" + start + ";" + end + "\n";
    }

    private static Path write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(folder.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return folder;
    }

    JobParameters parameters(int windowMonths, Path out) {
        return new JobParametersBuilder(ExecuterLauncher.parameters(new ExecuterLauncher.Request(
                depot, referential, MONTH, windowMonths, out)))
                .addString(JobLaunches.RUN, UUID.randomUUID().toString())
                .toJobParameters();
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The expected October rows of the CSAPA for a one-month window, from the corrected aggregate. */
    static final List<String> CSAPA_OCTOBER = List.of(
            // 30 / 36 = 83.3; manque (3240 - 3000) / 100 -> 3
            "430786400;2026-10;1;AGENDA;30;36;0;36;83.3;90;NON;3",
            // editor's DMP exclusions (ANONYMAT allowed for PDS): 20 / (40 - 4) = 55.6; manque (2520 - 2000) -> 6
            "430786400;2026-10;1;DMP;20;40;4;36;55.6;70;NON;6",
            "430786400;2026-10;1;DOSSIERS_ACTIFS;36;40;0;40;90.0;90;OUI;0",
            "430786400;2026-10;1;EPARCOURS;0;;0;;;;;0",
            "430786400;2026-10;1;EPRESCRIPTION;0;;0;;;;;0",
            // MSS exclusions refused (no catalogue entry covers MSS): 25 / 40 = 62.5; manque (2800 - 2500) -> 3
            "430786400;2026-10;1;MSS;25;40;0;40;62.5;70;NON;3",
            "430786400;2026-10;1;PROJET_PERSONNALISE;33;36;0;36;91.7;90;OUI;0");

    @Test
    void oneMonthWindowUsesTheExactAggregateRecordsFirstAndRejectsInconsistentRows() throws Exception {
        Path out = work.resolve("sortie");
        JobExecution execution = jobs.launchJob(parameters(1, out));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> expected = new ArrayList<>();
        expected.add("finess;mois;fenetre_mois;indicateur;numerateur;denominateur_brut;ajustement;denominateur;taux;"
                + "cible;atteinte;manque");
        expected.addAll(CSAPA_OCTOBER);
        expected.addAll(List.of(
                // records: U1 and U2 accompanied, D1 (U1) updated in October; the aggregate (100 persons) ignored
                "690784129;2026-10;1;AGENDA;0;1;0;1;0.0;90;NON;1",
                "690784129;2026-10;1;DMP;0;2;0;2;0.0;70;NON;2",
                "690784129;2026-10;1;DOSSIERS_ACTIFS;1;2;0;2;50.0;90;NON;1",
                "690784129;2026-10;1;EPARCOURS;0;;0;;;;;0",
                "690784129;2026-10;1;EPRESCRIPTION;0;;0;;;;;0",
                "690784129;2026-10;1;MSS;0;2;0;2;0.0;70;NON;2",
                "690784129;2026-10;1;PROJET_PERSONNALISE;0;1;0;1;0.0;90;NON;1",
                // its only row was rejected: no data, PJM exempted from MSS and DMP
                "730783313;2026-10;1;AGENDA;0;0;0;0;;90;NC;0",
                "730783313;2026-10;1;DMP;0;0;0;0;;;EXEMPTE;0",
                "730783313;2026-10;1;DOSSIERS_ACTIFS;0;0;0;0;;90;NC;0",
                "730783313;2026-10;1;EPARCOURS;0;;0;;;;;0",
                "730783313;2026-10;1;EPRESCRIPTION;0;;0;;;;;0",
                "730783313;2026-10;1;MSS;0;0;0;0;;;EXEMPTE;0",
                "730783313;2026-10;1;PROJET_PERSONNALISE;0;0;0;0;;90;NC;0"));
        assertThat(lines(out.resolve("indicateurs").resolve("2026-10.csv"))).containsExactlyElementsOf(expected);

        assertThat(lines(out.resolve("rejets").resolve("2026-10.csv"))).contains(
                "cortex_agregats_2026-10;agregats.csv;5;dossiers_actifs_pp;12;incohérent : dossiers_actifs_pp (12)"
                        + " > dossiers_actifs (10) (règle : dossiers_actifs_pp <= dossiers_actifs)");

        // The stored results keep which source was used, so that reports rewritten later still know it.
        assertThat(jdbc.query("SELECT DISTINCT finess, source_chiffres, paquet_agregats FROM resultat "
                        + "WHERE mois = '2026-10' AND fenetre_mois = 1 ORDER BY finess",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))).containsExactly(
                CSAPA + " AGREGATS cortex_agregats_2026-10_correctif", EHPAD + " DOSSIERS null",
                PJM + " DOSSIERS null");
        try (Workbook csapa = workbook(out.resolve("rapports/PRJ-ARA-2025-031/430786400_2026-10.xlsx"))) {
            assertThat(valueRightOf(csapa.getSheet("Synthèse"), "Source des chiffres")).isEqualTo(
                    "comptages agrégés de l'éditeur (agregats.csv, paquet cortex_agregats_2026-10_correctif)");
            Sheet adjustments = csapa.getSheet("Aménagements");
            assertThat(texts(adjustments)).contains("exclusions_dmp", "Exclusions comptées par l'éditeur (agregats.csv)",
                    "catalogue d'aménagements 2025 : ANONYMAT", "exclusions_mss",
                    "remplacé par les exclusions comptées par l'éditeur (agregats.csv) pour DMP : les mêmes personnes"
                            + " ne sont pas retirées deux fois");
        }
        try (Workbook ehpad = workbook(out.resolve("rapports/PRJ-ARA-2025-014/690784129_2026-10.xlsx"))) {
            assertThat(valueRightOf(ehpad.getSheet("Synthèse"), "Source des chiffres"))
                    .isEqualTo("dossiers détaillés (données individuelles des exports)");
            assertThat(texts(ehpad.getSheet("Qualité des données"))).contains("agregats.csv (paquet logivie_2026-10)"
                    + " ignoré pour cette fenêtre : l'ESSMS a des données détaillées (dossiers) dans la fenêtre, qui"
                    + " sont utilisées");
        }
        try (Workbook pjm = workbook(out.resolve("rapports/PRJ-ARA-2025-031/730783313_2026-10.xlsx"))) {
            assertThat(valueRightOf(pjm.getSheet("Synthèse"), "Source des chiffres"))
                    .isEqualTo("aucune donnée reçue pour la fenêtre");
        }
        try (Workbook regional = workbook(out.resolve("ars/synthese_2026-10.xlsx"))) {
            Sheet essms = regional.getSheet("ESSMS");
            Row header = rowWith(essms, "FINESS");
            int source = columnOf(header, "Source des chiffres");
            assertThat(string(rowWith(essms, CSAPA).getCell(source))).isEqualTo(
                    "Comptages agrégés de l'éditeur (agregats.csv, paquet cortex_agregats_2026-10_correctif)");
            assertThat(string(rowWith(essms, EHPAD).getCell(source))).isEqualTo("Dossiers détaillés");
            assertThat(string(rowWith(essms, PJM).getCell(source))).isEqualTo("Aucune donnée");
            assertThat(string(rowWith(essms, CSAPA).getCell(columnOf(header, "Données du mois")))).isEqualTo("Oui");
        }
    }

    @Test
    void aThreeMonthWindowUsesOnlyTheThreeMonthAggregate() throws Exception {
        Path out = work.resolve("sortie3");
        JobExecution execution = jobs.launchJob(parameters(3, out));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // The row 2026-08-01..2026-10-31, never the sum of the monthly ones; the October declared adjustment is
        // for another window.
        assertThat(lines(out.resolve("indicateurs").resolve("2026-10.csv"))).filteredOn(l -> l.startsWith(CSAPA))
                .containsExactly(
                        "430786400;2026-10;3;AGENDA;41;45;0;45;91.1;90;OUI;0",
                        "430786400;2026-10;3;DMP;30;50;0;50;60.0;70;NON;5",
                        "430786400;2026-10;3;DOSSIERS_ACTIFS;45;50;0;50;90.0;90;OUI;0",
                        "430786400;2026-10;3;EPARCOURS;0;;0;;;;;0",
                        "430786400;2026-10;3;EPRESCRIPTION;0;;0;;;;;0",
                        "430786400;2026-10;3;MSS;100;50;0;50;200.0;70;OUI;0",
                        "430786400;2026-10;3;PROJET_PERSONNALISE;45;45;0;45;100.0;90;OUI;0");
    }

    @Test
    void theNightJobComputesEachMonthFromItsOwnAggregate() throws Exception {
        Path out = work.resolve("nuit");
        JobExecution night = jobs.getJobLauncher().run(nuitJob, new JobParametersBuilder()
                .addString("depot", depot.toString())
                .addString("referentiel", referential.toString())
                .addString("sortie", out.toString())
                .addLong("fenetre", 1L)
                .addString(JobLaunches.RUN, UUID.randomUUID().toString())
                .toJobParameters());

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lines(out.resolve("indicateurs").resolve("2026-10.csv"))).filteredOn(l -> l.startsWith(CSAPA))
                .containsExactlyElementsOf(CSAPA_OCTOBER);
        // September: its own row, 30 / 38 = 78.9, manque (3420 - 3000) / 100 -> 5
        assertThat(lines(out.resolve("indicateurs").resolve("2026-09.csv")))
                .contains("430786400;2026-09;1;DOSSIERS_ACTIFS;30;38;0;38;78.9;90;NON;5");
        // August has no one-month row: no data.
        assertThat(lines(out.resolve("indicateurs").resolve("2026-08.csv")))
                .contains("430786400;2026-08;1;DOSSIERS_ACTIFS;0;0;0;0;;90;NC;0");
    }

    // ------------------------------------------------------------------ workbook helpers

    static Workbook workbook(Path file) throws IOException {
        return WorkbookFactory.create(file.toFile(), null, true);
    }

    static String string(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
    }

    static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }

    static Row rowWith(Sheet sheet, String firstCell) {
        for (Row row : sheet) {
            if (firstCell.equals(string(row.getCell(0)))) {
                return row;
            }
        }
        throw new AssertionError("aucune ligne « " + firstCell + " » dans " + sheet.getSheetName());
    }

    static String valueRightOf(Sheet sheet, String label) {
        return string(rowWith(sheet, label).getCell(1));
    }

    static int columnOf(Row header, String title) {
        for (Cell cell : header) {
            if (title.equals(string(cell))) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("colonne « " + title + " » absente");
    }
}
