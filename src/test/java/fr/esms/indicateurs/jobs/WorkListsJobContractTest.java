package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code executer --listes-de-travail} on {@code sample-data/} plus a hand-made EHPAD (690700000) whose missing
 * records are known: the lists hold exactly the persons computed by hand ({@code sample-data/CALCULS.md} for the
 * sample, the comments below for the hand-made ESSMS), their count is denominator minus numerator for every
 * missed target, and none of their identifiers reaches the regional workbook. Subclasses choose the database.
 */
@SpringBatchTest
@SpringBootTest(classes = EsmsIndicateursApplication.class)
abstract class WorkListsJobContractTest {

    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final String HAND_MADE = "690700000";

    @TempDir
    static Path inputs;

    @TempDir
    Path output;

    @Autowired
    JobLauncherTestUtils jobs;

    @Autowired
    ExecuterLauncher launcher;

    @Autowired
    DefinitionLauncher definitions;

    @Autowired
    void useExecuterJob(@Qualifier("executerJob") org.springframework.batch.core.Job executerJob) {
        jobs.setJob(executerJob);
    }

    /**
     * The sample dépôt and referential, plus the hand-made EHPAD. Six persons H1-H6 accompanied since 2024; H1,
     * H2, H3 and H5 have a record updated in October; H4's record was last updated on 12/06/2026; H6 has none.
     * PP: H1 active, H2 expired on 15/09/2026, H3 in preparation without dates, H4 (record not active), H5 none.
     * Agenda: H1 done on 05/10, H2 only on 04/11, H3 cancelled on 20/10, H4 (record not active). DMP: H1 on 06/10,
     * H3 refused on 21/10, H4 only on 30/09. No MSS message.
     */
    @BeforeAll
    static void inputs() throws IOException {
        copy(Path.of("sample-data/depot"), inputs.resolve("depot"));
        copy(Path.of("sample-data/referentiel"), inputs.resolve("referentiel"));
        Files.writeString(inputs.resolve("referentiel/essms.csv"),
                HAND_MADE + ";690793054;EHPAD Atelier;500;69;PRJ-ARA-2025-014;Atelier\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path pkg = Files.createDirectories(inputs.resolve("depot/atelier_690793054_2026-10"));
        write(pkg, "export.csv", "editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin",
                "Atelier;Atelier DUI;1.0;690793054;2026-11-03;2026-10-01;2026-10-31");
        List<String> stays = new ArrayList<>(List.of("usager_id;finess;date_entree;date_sortie;motifs_exclusion"));
        for (int i = 1; i <= 6; i++) {
            stays.add("H" + i + ";" + HAND_MADE + ";2024-01-01;;");
        }
        write(pkg, "usagers.csv", stays.toArray(String[]::new));
        write(pkg, "dossiers.csv", "dossier_id;finess;usager_id;date_derniere_modification;date_creation",
                "D1;" + HAND_MADE + ";H1;2026-10-10;2024-01-01", "D2;" + HAND_MADE + ";H2;2026-10-11;2024-01-01",
                "D3;" + HAND_MADE + ";H3;2026-10-12;2024-01-01", "D4;" + HAND_MADE + ";H4;2026-06-12;2024-01-01",
                "D5;" + HAND_MADE + ";H5;2026-10-13;2024-01-01");
        write(pkg, "projets_personnalises.csv", "finess;dossier_id;pp_id;statut;date_debut;date_fin",
                HAND_MADE + ";D1;PP1;ACTIF;2026-01-01;2026-12-31", HAND_MADE + ";D2;PP2;ACTIF;2025-01-01;2026-09-15",
                HAND_MADE + ";D3;PP3;EN_PREPARATION;;", HAND_MADE + ";D4;PP4;ACTIF;;");
        write(pkg, "agenda.csv", "finess;dossier_id;evenement_id;date_evenement;statut;type",
                HAND_MADE + ";D1;E1;2026-10-05;REALISE;", HAND_MADE + ";D2;E2;2026-11-04;PREVU;",
                HAND_MADE + ";D3;E3;2026-10-20;ANNULE;", HAND_MADE + ";D4;E4;2026-10-02;PREVU;");
        write(pkg, "dmp.csv", "finess;dossier_id;document_id;date_depot;statut;type_document",
                HAND_MADE + ";D1;DOC1;2026-10-06;DEPOSE;", HAND_MADE + ";D3;DOC3;2026-10-21;ERREUR;",
                HAND_MADE + ";D4;DOC4;2026-09-30;DEPOSE;");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void write(Path folder, String file, String... lines) throws IOException {
        Files.writeString(folder.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    ExecuterLauncher.Request request(Path out, boolean workLists) {
        return new ExecuterLauncher.Request(inputs.resolve("depot"), inputs.resolve("referentiel"), MONTH, 1, out,
                false, null, null, workLists);
    }

    /** Returns the steps run (not the execution: {@code @SpringBatchTest} would take it for a scope factory). */
    java.util.Collection<StepExecution> run(Path out, boolean workLists) throws Exception {
        JobParameters params = new JobParametersBuilder(ExecuterLauncher.parameters(request(out, workLists)))
                .addString(JobLaunches.RUN, UUID.randomUUID().toString()).toJobParameters();
        JobExecution execution = jobs.launchJob(params);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution.getStepExecutions();
    }

    static List<String> withoutHeader(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }

    static List<String> list(Path out, String project, String finess) throws IOException {
        return Files.readAllLines(out.resolve("listes/" + project + "/" + finess + "_2026-10.csv"),
                StandardCharsets.UTF_8);
    }

    @Test
    void theHandMadeEssmsListsExactlyItsMissingPersonsWithTheirReasons() throws Exception {
        run(output, true);
        String f = HAND_MADE + ";2026-10;1;";

        assertThat(list(output, "PRJ-ARA-2025-014", HAND_MADE)).containsExactly(
                "finess;mois;fenetre_mois;indicateur;manque;amenagement_declare;rang;usager_id;dossier_id;"
                        + "code_motif;motif;date",
                // 4 / 6: 400 < 540, manque 2
                f + "DOSSIERS_ACTIFS;2;0;1;H4;D4;RECORD_NOT_UPDATED;dossier non mis à jour depuis juin 2026;2026-06",
                f + "DOSSIERS_ACTIFS;2;0;2;H6;;NO_RECORD;aucun dossier DUI pour cette personne;",
                // 2 / 4 (H1, H3): 200 < 360, manque 2
                f + "PROJET_PERSONNALISE;2;0;1;H2;D2;PROJECT_EXPIRED;projet personnalisé arrivé à échéance le "
                        + "15/09/2026 (à renouveler);2026-09-15",
                f + "PROJET_PERSONNALISE;2;0;2;H5;D5;NO_PROJECT;aucun projet personnalisé en cours;",
                // 1 / 4: 100 < 360, manque 3
                f + "AGENDA;3;0;1;H3;D3;EVENTS_CANCELLED;événement d'agenda du 20/10/2026 annulé : aucun événement "
                        + "d'agenda non annulé dans la fenêtre;2026-10-20",
                f + "AGENDA;3;0;2;H2;D2;NEXT_EVENT_AFTER_WINDOW;aucun événement d'agenda non annulé dans la fenêtre"
                        + " (suivant le 04/11/2026);2026-11-04",
                f + "AGENDA;3;0;3;H5;D5;NO_EVENT;aucun événement d'agenda non annulé dans la fenêtre;",
                // 0 messages / 6: 0 < 420, manque 5 messages, nobody named
                f + "MSS;5;0;;;;;\"La messagerie sécurisée compte des messages, pas des personnes : pas de liste "
                        + "nominative ; il manque 5 messages envoyés par MSSanté dans la fenêtre pour atteindre la "
                        + "cible de 70 %.\";",
                // 1 / 6: 100 < 420, manque 4
                f + "DMP;4;0;1;H3;D3;DMP_DOCUMENT_FAILED;dépôt au DMP du 21/10/2026 en erreur (à renvoyer);2026-10-21",
                f + "DMP;4;0;2;H4;D4;DMP_LAST_BEFORE_WINDOW;aucun document déposé au DMP dans la fenêtre (dernier "
                        + "le 30/09/2026);2026-09-30",
                f + "DMP;4;0;3;H2;D2;NO_DMP_DOCUMENT;aucun document déposé au DMP;",
                f + "DMP;4;0;4;H5;D5;NO_DMP_DOCUMENT;aucun document déposé au DMP;",
                f + "DMP;4;0;5;H6;;DMP_NO_RECORD;aucun dossier DUI : aucun document déposé au DMP ne peut lui être "
                        + "rattaché;");
        assertThat(output.resolve("listes/PRJ-ARA-2025-014/" + HAND_MADE + "_2026-10.xlsx")).isRegularFile();
    }

    @Test
    void theSampleListsHoldThePersonsOfTheHandComputations() throws Exception {
        run(output, true);
        String glycines = "690784129;2026-10;1;";
        String cedres = "010783157;2026-10;1;";
        String csapa = "430786400;2026-10;1;";

        // CALCULS.md 3.1-3.3: U0011 and U0013 without an active record, U0007, U0009, U0016 without a PP counting,
        // U0008 and U0010 with their October event cancelled.
        assertThat(list(output, "PRJ-ARA-2025-014", "690784129")).containsExactly(
                "finess;mois;fenetre_mois;indicateur;manque;amenagement_declare;rang;usager_id;dossier_id;"
                        + "code_motif;motif;date",
                glycines + "DOSSIERS_ACTIFS;1;0;1;U0011;D0011;RECORD_NOT_UPDATED;dossier non mis à jour depuis "
                        + "septembre 2026;2026-09",
                glycines + "DOSSIERS_ACTIFS;1;0;2;U0013;D0013;RECORD_NOT_UPDATED;dossier non mis à jour depuis août"
                        + " 2026;2026-08",
                glycines + "PROJET_PERSONNALISE;2;0;1;U0007;D0007;PROJECT_CLOSED;projet personnalisé clos le "
                        + "31/10/2025;2025-10-31",
                glycines + "PROJET_PERSONNALISE;2;0;2;U0009;D0009;PROJECT_CANCELLED;projet personnalisé annulé;",
                glycines + "PROJET_PERSONNALISE;2;0;3;U0016;D0016;NO_PROJECT;aucun projet personnalisé en cours;",
                glycines + "AGENDA;1;0;1;U0008;D0008;EVENTS_CANCELLED;événement d'agenda du 15/10/2026 annulé : "
                        + "aucun événement d'agenda non annulé dans la fenêtre;2026-10-15",
                glycines + "AGENDA;1;0;2;U0010;D0010;EVENTS_CANCELLED;événement d'agenda du 09/10/2026 annulé : "
                        + "aucun événement d'agenda non annulé dans la fenêtre;2026-10-09");
        // CALCULS.md 4.2: U0104's PP is closed, and the new one starts on 09/11.
        assertThat(list(output, "PRJ-ARA-2025-014", "010783157")).element(1).isEqualTo(
                cedres + "PROJET_PERSONNALISE;1;0;1;U0104;D0104;PROJECT_STARTS_AFTER_WINDOW;projet personnalisé "
                        + "valide seulement à partir du 09/11/2026 (date de début à vérifier);2026-11-09");
        // CALCULS.md 6.5: 5 of 10 fed the DMP; the declared adjustment removes 2 unnamed persons: 5 listed, 3 = 8 - 5.
        List<String> dmp = list(output, "PRJ-ARA-2025-031", "430786400").stream()
                .filter(l -> l.startsWith(csapa + "DMP;")).toList();
        assertThat(dmp).containsExactly(
                csapa + "DMP;1;2;1;U0004;D0004;DMP_DOCUMENT_FAILED;dépôt au DMP du 19/10/2026 en erreur (à renvoyer);"
                        + "2026-10-19",
                csapa + "DMP;1;2;2;U0005;D0005;DMP_DOCUMENT_DELETED;document déposé au DMP le 13/10/2026 puis "
                        + "supprimé;2026-10-13",
                csapa + "DMP;1;2;3;U0006;D0006;DMP_LAST_BEFORE_WINDOW;aucun document déposé au DMP dans la fenêtre "
                        + "(dernier le 17/08/2026);2026-08-17",
                csapa + "DMP;1;2;4;U0011;D0011;NO_DMP_DOCUMENT;aucun document déposé au DMP;",
                csapa + "DMP;1;2;5;U0012;D0012;NO_DMP_DOCUMENT;aucun document déposé au DMP;");
    }

    @Test
    void everyMissedTargetListsDenominatorMinusNumeratorPersonsAndOnlyThoseEssmsHaveAList() throws Exception {
        run(output, true);

        // finess -> indicator -> [numerator, denominator] of every missed target in the indicators file
        Map<String, Map<String, long[]>> missed = new TreeMap<>();
        for (String line : withoutHeader(output.resolve("indicateurs/2026-10.csv"))) {
            String[] c = line.split(";", -1);
            if (c[10].equals("NON")) {
                missed.computeIfAbsent(c[0], k -> new TreeMap<>()).put(c[3],
                        new long[]{Long.parseLong(c[4]), Long.parseLong(c[7])});
            }
        }
        Set<String> withList = new TreeSet<>();
        try (Stream<Path> files = Files.walk(output.resolve("listes"))) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String finess = csv.getFileName().toString().substring(0, 9);
                withList.add(finess);
                Map<String, Integer> lines = new TreeMap<>();
                Map<String, Long> declared = new TreeMap<>();
                for (String line : withoutHeader(csv)) {
                    String[] c = line.split(";", -1);
                    if (!c[7].isEmpty()) {
                        lines.merge(c[3], 1, Integer::sum);
                    } else {
                        lines.putIfAbsent(c[3], 0);
                    }
                    declared.put(c[3], Long.parseLong(c[5]));
                }
                assertThat(lines.keySet()).as(finess).isEqualTo(missed.get(finess).keySet());
                missed.get(finess).forEach((indicator, figures) -> {
                    long expected = indicator.equals("MSS") ? 0 : figures[1] - figures[0];
                    assertThat(lines.get(indicator) - declared.get(indicator)).as(finess + " " + indicator)
                            .isEqualTo(expected);
                });
            }
        }
        // The SSIAD (380789230) sent nothing: all NC, no list; every ESSMS missing a target has one.
        assertThat(withList).isEqualTo(missed.keySet()).doesNotContain("380789230");
        assertThat(missed.get("430786400").get("DMP")).containsExactly(5, 8);
    }

    @Test
    void theRegionalWorkbookHoldsNoneOfTheListedIdentifiers() throws Exception {
        run(output, true);
        Set<String> identifiers = new HashSet<>();
        try (Stream<Path> files = Files.walk(output.resolve("listes"))) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (String line : withoutHeader(csv)) {
                    String[] c = line.split(";", -1);
                    if (!c[7].isEmpty()) {
                        identifiers.add(c[7]);
                    }
                    if (!c[8].isEmpty()) {
                        identifiers.add(c[8]);
                    }
                }
            }
        }
        assertThat(identifiers).contains("U0011", "D0011", "H6", "D4");

        List<String> cells = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(output.resolve("ars/synthese_2026-10.xlsx").toFile(),
                null, true)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell.toString());
                    }
                }
            }
        }
        assertThat(cells).contains(HAND_MADE, "EHPAD Atelier");
        for (String cell : cells) {
            for (String id : identifiers) {
                // "H6" or "D4" could only appear inside a longer word by chance: whole words are compared.
                assertThat(cell.split("[^A-Za-z0-9_-]+")).as("cellule « " + cell + " »").doesNotContain(id);
            }
        }
    }

    @Test
    void withoutTheOptionNoListIsWrittenAndTheStepDoesNotRun() throws Exception {
        var steps = run(output, false);

        assertThat(output.resolve("listes")).doesNotExist();
        assertThat(steps).extracting(StepExecution::getStepName)
                .doesNotContain("ecrireListes").contains("ecrireRapports");
    }

    @Test
    void aPasswordProtectsTheEssmsWorkbooksTheListsAndTheRegionalWorkbook() throws Exception {
        RunSummary summary = launcher.run(request(output, true), "mot de passe");
        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);

        for (String file : List.of("rapports/PRJ-ARA-2025-014/690784129_2026-10.xlsx",
                "listes/PRJ-ARA-2025-014/690784129_2026-10.xlsx", "ars/synthese_2026-10.xlsx")) {
            Path path = output.resolve(file);
            assertThatThrownBy(() -> WorkbookFactory.create(path.toFile(), "autre", true)).as(file)
                    .isInstanceOf(EncryptedDocumentException.class);
            try (Workbook workbook = WorkbookFactory.create(path.toFile(), "mot de passe", true)) {
                assertThat(workbook.getSheetName(0)).as(file).isEqualTo("Synthèse");
            }
        }
        // The password is never a job parameter.
        assertThat(ExecuterLauncher.parameters(request(output, true), true).getParameters().values())
                .noneMatch(p -> String.valueOf(p.getValue()).contains("mot de passe"));
    }

    @Test
    void theMonthlyJobWritesTheListsWithListesOuiAndTheNightJobRefusesIt() throws Exception {
        String common = "planification=0 0 6 5 * *\ndepot=" + inputs.resolve("depot") + "\nreferentiel="
                + inputs.resolve("referentiel") + "\nsortie=" + output + "\nlistes=oui\n";
        Path monthly = Files.writeString(output.resolve("mensuel-ars.properties"), "job=mensuel-ars\n" + common);
        Path night = Files.writeString(output.resolve("nuit.properties"), "job=nuit\n" + common);
        java.time.Clock november5 = java.time.Clock.fixed(java.time.Instant.parse("2026-11-05T05:00:00Z"),
                java.time.ZoneOffset.UTC);

        RunSummary summary = definitions.run(JobDefinition.load(monthly), november5);

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(list(output, "PRJ-ARA-2025-014", HAND_MADE)).hasSize(14);
        assertThatThrownBy(() -> definitions.run(JobDefinition.load(night), november5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("définition nuit : listes=oui n'est possible que pour un job mensuel-ars (les listes de "
                        + "travail d'un mois entier)");
    }
}
