package fr.esms.indicateurs.closing;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.jobs.ExecuterLauncher;
import fr.esms.indicateurs.output.ClosingCsv;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.solde.SoldeCsv;
import fr.esms.indicateurs.store.ClosedFigures;
import fr.esms.indicateurs.store.ClosingStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.test.JobLauncherTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * October 2026 of {@code sample-data/} closed, then corrected by two late packages and closed again: the figures
 * of every revision, the diff and its causes are those computed by hand in {@code sample-data/CALCULS.md} and
 * {@code src/test/resources/cloture/correctifs/LISEZMOI.md}. Subclasses choose the database.
 */
@SpringBatchTest
@SpringBootTest(classes = EsmsIndicateursApplication.class)
abstract class ClosingContractTest {

    static final Path SAMPLE = Path.of("sample-data");
    static final Path CORRECTIONS = Path.of("src/test/resources/cloture/correctifs");
    static final MeasureWindow OCTOBER = new MeasureWindow(YearMonth.of(2026, 10), 1);
    static final String LOGIVIE_FIX = "logivie_690793054_2026-10_correctif";
    static final String CORTEX_FIX = "cortex_420790172_2026-10_correctif2";
    /** The hand-computed rows the corrections change (output contract order of columns). */
    static final String EHPAD_AGENDA_R1 = "690784129;2026-10;1;AGENDA;12;14;0;14;85.7;90;NON;1";
    static final String EHPAD_AGENDA_R2 = "690784129;2026-10;1;AGENDA;13;14;0;14;92.9;90;OUI;0";
    static final String CSAPA_DMP_R1 = "430786400;2026-10;1;DMP;5;10;2;8;62.5;70;NON;1";
    static final String CSAPA_DMP_R2 = "430786400;2026-10;1;DMP;5;10;1;9;55.6;70;NON;2";

    @Autowired
    JobLauncherTestUtils jobs;

    @Autowired
    void useExecuterJob(@Qualifier("executerJob") Job executerJob) {
        jobs.setJob(executerJob);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MonthClosing closing;

    @Autowired
    ClosingStore store;

    @Autowired
    ClosedFigures figures;

    @TempDir
    Path work;

    Path depot;
    Path output;

    /** Tables a test fills (the methods of a class share one database); only a test ever deletes closings. */
    static final List<String> FILLED = List.of("cloture", "cloture_resultat", "cloture_amenagement",
            "cloture_avertissement", "cloture_paquet", "cloture_paquet_essms", "resultat", "resultat_amenagement",
            "resultat_avertissement", "paquet", "paquet_essms", "paquet_fichier", "paquet_rejet",
            "paquet_avertissement", "segment", "agregat");

    @BeforeEach
    void depotOfTheSampleData() throws IOException {
        FILLED.forEach(table -> jdbc.update("DELETE FROM " + table));
        depot = work.resolve("depot");
        output = work.resolve("sortie");
        copy(SAMPLE.resolve("depot"), depot);
    }

    void executer(Path out) throws Exception {
        var execution = jobs.launchJob(new JobParametersBuilder(ExecuterLauncher.parameters(
                new ExecuterLauncher.Request(depot, SAMPLE.resolve("referentiel"), OCTOBER.month(), 1, out)))
                .addString("lancement", UUID.randomUUID().toString()).toJobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** The sample packages arrived on 4 November, before the deadline of the 10th. */
    void arrivedOnTime() {
        jdbc.update("UPDATE paquet SET ingere_le = ?", java.sql.Timestamp.valueOf("2026-11-04 06:00:00"));
    }

    void correctionsArriveOn20November() throws Exception {
        copy(CORRECTIONS.resolve(LOGIVIE_FIX), depot.resolve(LOGIVIE_FIX));
        copy(CORRECTIONS.resolve(CORTEX_FIX), depot.resolve(CORTEX_FIX));
        executer(work.resolve("sortie-apres-correctifs"));
        jdbc.update("UPDATE paquet SET ingere_le = ? WHERE nom IN (?, ?)",
                java.sql.Timestamp.valueOf("2026-11-20 09:30:00"), LOGIVIE_FIX, CORTEX_FIX);
    }

    MonthClosing.Outcome close(boolean despiteMissing) {
        return closing.close(new MonthClosing.Request(OCTOBER, "envoi CNSA", despiteMissing, 10, output, "ars-test"));
    }

    @Test
    void theFirstClosingFreezesTheHandComputedFiguresAfterSayingWhichEssmsHaveNoData() throws Exception {
        executer(output);
        arrivedOnTime();

        MonthClosing.Outcome refused = close(false);
        assertThat(refused).isInstanceOf(MonthClosing.Incomplete.class);
        Completeness completeness = ((MonthClosing.Incomplete) refused).completeness();
        // The SSIAD sent nothing; every package arrived before 10 November.
        assertThat(completeness.noData()).containsExactly("380789230");
        assertThat(completeness.late()).isEmpty();
        assertThat(store.all()).isEmpty();

        MonthClosing.Closed closed = (MonthClosing.Closed) close(true);

        Closing r1 = closed.closing();
        assertThat(r1.revision()).isEqualTo(1);
        assertThat(r1.closedBy()).isEqualTo("ars-test");
        assertThat(r1.comment()).isEqualTo("envoi CNSA");
        assertThat(r1.despiteMissing()).isTrue();
        assertThat(r1.noData()).containsExactly("380789230");
        assertThat(r1.essms()).isEqualTo(6);
        assertThat(r1.rows()).isEqualTo(42);
        // the sample's projects are measured under 2022 and 2025: both, with their fingerprints in the same order
        assertThat(r1.rulesVersion()).isEqualTo("2022 2025");
        assertThat(r1.rulesFingerprint()).matches("[0-9a-f]{64} [0-9a-f]{64}");
        Path csv = output.resolve("clotures/2026-10_r1.csv");
        assertThat(closed.csv()).isEqualTo(csv);
        assertThat(lines(csv)).containsExactlyElementsOf(withRevision(expectedOctober(), 1));
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(r1.sha256()).isEqualTo(SoldeCsv.sha256(bytes));
        assertThat(Files.readString(output.resolve("clotures/2026-10_r1.sha256")))
                .isEqualTo(r1.sha256() + "  2026-10_r1.csv\n");
        // beside the revision, each ESSMS's rules version and fingerprint, as executer wrote them for the month
        assertThat(lines(output.resolve("clotures/2026-10_r1.regles.csv")))
                .hasSize(7).startsWith("finess;version_regles;empreinte_regles")
                .containsExactlyElementsOf(lines(output.resolve("indicateurs/2026-10.regles.csv")))
                .anyMatch(l -> l.startsWith("690784129;2022;")).anyMatch(l -> l.startsWith("420781569;2025;"));
        assertThat(closed.diff()).isNull();
        // Four packages overlap October (the September Logivie export does not).
        assertThat(figures.packages(OCTOBER, 1)).extracting(ClosedPackage::name).containsExactlyInAnyOrder(
                "cortex_420790172_2026-10", "cortex_420790172_2026-10_correctif", "cortex_730792181_2026-10.zip",
                "logivie_690793054_2026-10.zip");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cloture_amenagement WHERE revision = 1 AND applique = TRUE "
                + "AND finess = '430786400' AND reference = 'ARS-ARA-DOS-2026-0412'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aCorrectionMakesRevisionTwoWhileRevisionOneStaysByteForByte() throws Exception {
        executer(output);
        arrivedOnTime();
        Closing r1 = ((MonthClosing.Closed) close(true)).closing();
        Path r1File = output.resolve("clotures/2026-10_r1.csv");
        byte[] r1Bytes = Files.readAllBytes(r1File);

        correctionsArriveOn20November();

        Completeness completeness = closing.completeness(OCTOBER, 10);
        assertThat(completeness.noData()).containsExactly("380789230");
        assertThat(completeness.late()).containsExactly("430786400", "690784129");
        MonthClosing.Closed closed = (MonthClosing.Closed) close(true);

        Closing r2 = closed.closing();
        assertThat(r2.revision()).isEqualTo(2);
        assertThat(r2.late()).containsExactly("430786400", "690784129");
        // Revision 1: the same file, and the same bytes rebuilt from the base.
        assertThat(Files.readAllBytes(r1File)).isEqualTo(r1Bytes);
        assertThat(SoldeCsv.sha256(ClosingCsv.revision(1, each -> figures.forEachResult(OCTOBER, 1, each))))
                .isEqualTo(r1.sha256());
        assertThat(store.find(OCTOBER, 1)).contains(r1);
        // Revision 2: the hand-computed figures with exactly the two corrected rows.
        List<String> expected = new ArrayList<>();
        for (String line : expectedOctober()) {
            expected.add(line.equals(EHPAD_AGENDA_R1) ? EHPAD_AGENDA_R2 : line.equals(CSAPA_DMP_R1) ? CSAPA_DMP_R2 : line);
        }
        assertThat(expected).contains(EHPAD_AGENDA_R2, CSAPA_DMP_R2);
        assertThat(lines(output.resolve("clotures/2026-10_r2.csv"))).containsExactlyElementsOf(withRevision(expected, 2));
        // The diff: the flip first, each row with the package that caused it.
        String logivie = sha256Of(LOGIVIE_FIX);
        String cortex = sha256Of(CORTEX_FIX);
        assertThat(lines(output.resolve("clotures/2026-10_r1_r2.csv"))).containsExactly(
                String.join(";", ClosingCsv.DIFF_HEADER),
                "690784129;AGENDA;OUI;12;13;14;14;85.7;92.9;NON;OUI;" + LOGIVIE_FIX + ";Logivie;2026-11-18;" + logivie,
                "430786400;DMP;NON;5;5;8;9;62.5;55.6;NON;NON;" + CORTEX_FIX + ";Cortex Informatique;2026-11-18;"
                        + cortex);
        assertThat(closed.changes()).hasSize(2);
        assertThat(store.all()).extracting(Closing::revision).containsExactly(1, 2);
    }

    @Autowired
    ExecuterLauncher launcher;

    @Test
    void aClosedMonthShowsItsRevisionAndSaysWhatNewerDataWouldChange() throws Exception {
        executer(output);
        arrivedOnTime();
        close(true);
        copy(CORRECTIONS.resolve(LOGIVIE_FIX), depot.resolve(LOGIVIE_FIX));
        copy(CORRECTIONS.resolve(CORTEX_FIX), depot.resolve(CORTEX_FIX));
        Path afterFixes = work.resolve("apres-correctifs");

        var summary = launcher.run(new ExecuterLauncher.Request(depot, SAMPLE.resolve("referentiel"), OCTOBER.month(),
                1, afterFixes));

        // The live results changed, the outputs did not: they show revision 1 and say what would change.
        assertThat(jdbc.queryForObject("SELECT numerateur FROM resultat WHERE finess = '690784129' AND mois = "
                + "'2026-10' AND fenetre_mois = 1 AND indicateur = 'AGENDA'", Long.class)).isEqualTo(13L);
        assertThat(lines(afterFixes.resolve("indicateurs/2026-10.csv"))).containsExactlyElementsOf(expectedOctober());
        assertThat(summary.lines()).anyMatch(line -> line.startsWith("2026-10 : Mois clôturé : chiffres de la "
                + "révision 1 du ") && line.endsWith("données plus récentes disponibles : 2 ESSMS changeraient "
                + "(cloturer à nouveau pour créer la révision 2)."));
        assertThat(texts(afterFixes.resolve("ars/synthese_2026-10.xlsx"), "Synthèse"))
                .anyMatch(t -> t.contains("révision 1") && t.contains("2 ESSMS changeraient"));
        assertThat(texts(afterFixes.resolve("rapports/PRJ-ARA-2025-014/690784129_2026-10.xlsx"), "Synthèse"))
                .anyMatch(t -> t.contains("révision 1") && t.contains("2 ESSMS changeraient"));
        assertThat(texts(afterFixes.resolve("ars/synthese_2026-10.xlsx"), "Révisions"))
                .anyMatch(t -> t.startsWith("Révision 1 : première clôture"));

        jdbc.update("UPDATE paquet SET ingere_le = ? WHERE nom IN (?, ?)",
                java.sql.Timestamp.valueOf("2026-11-20 09:30:00"), LOGIVIE_FIX, CORTEX_FIX);
        close(true);
        Path afterR2 = work.resolve("apres-r2");
        executer(afterR2);

        List<String> r2 = new ArrayList<>();
        for (String line : expectedOctober()) {
            r2.add(line.equals(EHPAD_AGENDA_R1) ? EHPAD_AGENDA_R2 : line.equals(CSAPA_DMP_R1) ? CSAPA_DMP_R2 : line);
        }
        assertThat(lines(afterR2.resolve("indicateurs/2026-10.csv"))).containsExactlyElementsOf(r2);
        Path regional = afterR2.resolve("ars/synthese_2026-10.xlsx");
        assertThat(texts(regional, "Synthèse")).anyMatch(t -> t.contains("révision 2")
                && t.endsWith("aucune donnée plus récente ne les change."));
        // Révisions: the flip first, each with the package that caused it.
        List<List<String>> revisions = rows(regional, "Révisions").stream()
                .filter(r -> r.size() > 12 && r.get(0).matches("[0-9]{9}")).toList();
        assertThat(revisions).extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(3) + " " + r.get(12))
                .containsExactly("690784129 Agenda Oui " + LOGIVIE_FIX, "430786400 DMP (Mon espace santé) Non " + CORTEX_FIX);
        // Complétude: lateness judged on the arrival of the packages (20 November: 10 days after the deadline).
        List<List<String>> completeness = rows(regional, "Complétude");
        assertThat(completeness).filteredOn(r -> r.size() > 7 && r.get(5).equals("Export arrivé en retard"))
                .extracting(r -> r.get(0) + " " + r.get(7)).containsExactlyInAnyOrder("430786400 10", "690784129 10");
        assertThat(completeness).filteredOn(r -> r.size() > 5 && r.get(5).equals("Sans données pour le mois"))
                .extracting(r -> r.get(0)).containsExactly("380789230");
    }

    /** Every text cell of a sheet. */
    static List<String> texts(Path workbook, String sheet) throws IOException {
        return rows(workbook, sheet).stream().flatMap(List::stream).filter(t -> !t.isEmpty()).toList();
    }

    /** The cells of each row of a sheet, as text (numbers without decimals). */
    static List<List<String>> rows(Path workbook, String sheet) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(workbook.toFile(), null, true)) {
            var s = book.getSheet(sheet);
            assertThat(s).as("feuille " + sheet).isNotNull();
            for (var row : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case STRING -> cell.getStringCellValue();
                        case NUMERIC -> String.valueOf((long) cell.getNumericCellValue());
                        default -> "";
                    });
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Autowired
    fr.esms.indicateurs.jobs.SoldeLauncher soldes;

    static final String CORTEX_PROJECT = "PRJ-ARA-2025-031";
    /** CALCULS.md, CSAPA over August–October: 7 / (12 − 2) = 70.0 %, reached exactly. */
    static final String CSAPA_DMP_F3_R1 = ";430786400;DMP;2026-08-01;2026-10-31;7;12;2;10;70.0;70;OUI;0;;;;;;;;1";

    Path solde(Path out, Integer revision, int servicesMonths) throws Exception {
        var summary = soldes.run(new fr.esms.indicateurs.jobs.SoldeLauncher.Request(CORTEX_PROJECT, OCTOBER.month(),
                3, servicesMonths, out, "java -jar esms-indicateurs.jar solde", "test", revision), null);
        assertThat(summary.exitCode()).as(String.join("\n", summary.lines()) + summary.refusal()).isZero();
        return out.resolve("solde/" + CORTEX_PROJECT + "_2026-10.csv");
    }

    @Test
    void aSoldeOnRevisionOneGivesTheSameBytesAfterTheCorrection() throws Exception {
        MeasureWindow october3 = new MeasureWindow(OCTOBER.month(), 3);
        launcher.run(new ExecuterLauncher.Request(depot, SAMPLE.resolve("referentiel"), OCTOBER.month(), 3, output));
        arrivedOnTime();
        closing.close(new MonthClosing.Request(october3, "solde", true, 10, output, "ars-test"));
        Path before = solde(work.resolve("solde-avant"), null, 3);
        byte[] closedBytes = Files.readAllBytes(before);
        // Every figure states the revision it comes from.
        assertThat(lines(before)).anyMatch(l -> l.startsWith("INDICATEUR;") && l.endsWith(CSAPA_DMP_F3_R1));
        assertThat(lines(before)).filteredOn(l -> l.startsWith("INDICATEUR;")).hasSize(15).allMatch(l -> l.endsWith(";1"));

        copy(CORRECTIONS.resolve(LOGIVIE_FIX), depot.resolve(LOGIVIE_FIX));
        copy(CORRECTIONS.resolve(CORTEX_FIX), depot.resolve(CORTEX_FIX));
        launcher.run(new ExecuterLauncher.Request(depot, SAMPLE.resolve("referentiel"), OCTOBER.month(), 3,
                work.resolve("apres")));
        // Live, U0011's ANONYMAT now removes a third person: 7 / 9 over the three months.
        assertThat(jdbc.queryForObject("SELECT denominateur FROM resultat WHERE finess = '430786400' AND mois = "
                + "'2026-10' AND fenetre_mois = 3 AND indicateur = 'DMP'", Long.class)).isEqualTo(9L);

        Path again = solde(work.resolve("solde-revision-1"), 1, 3);
        assertThat(Files.readAllBytes(again)).isEqualTo(closedBytes);
        assertThat(Files.readString(again.resolveSibling(CORTEX_PROJECT + "_2026-10.sha256")))
                .startsWith(SoldeCsv.sha256(closedBytes));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(again.resolveSibling(CORTEX_PROJECT
                + "_2026-10.xlsx").toFile())) {
            assertThat(texts(book.getSheet("Décision"))).anyMatch(t -> t.startsWith("indicateurs DUI : révision 1 du ")
                    && t.contains("MSS et DMP : révision 1 du "));
        }
        // MSS and DMP over 4 months are not closed: computed from the data as it is now, and said to be provisional.
        Path mixed = solde(work.resolve("solde-mixte"), null, 4);
        assertThat(lines(mixed)).filteredOn(l -> l.startsWith("INDICATEUR;") && (l.contains(";MSS;")
                || l.contains(";DMP;"))).hasSize(6).allMatch(l -> l.endsWith(";"));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(mixed.resolveSibling(CORTEX_PROJECT
                + "_2026-10.xlsx").toFile())) {
            assertThat(texts(book.getSheet("Décision"))).anyMatch(t -> t.contains(
                    "MSS et DMP : fenêtre non clôturée, chiffres provisoires"));
        }
        var unknown = soldes.run(new fr.esms.indicateurs.jobs.SoldeLauncher.Request(CORTEX_PROJECT, OCTOBER.month(),
                3, 3, work.resolve("r9"), "solde", "test", 9), null);
        assertThat(unknown.refusal()).startsWith("révision 9 inexistante pour 2026-10 (fenêtre de 3 mois)");
    }

    static List<String> texts(org.apache.poi.ss.usermodel.Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (var row : sheet) {
            for (var cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }

    @Test
    void aMonthWithNothingComputedIsNotClosed() {
        assertThat(close(true)).isInstanceOf(MonthClosing.NothingComputed.class);
        assertThat(store.all()).isEmpty();
    }

    String sha256Of(String packageName) {
        return jdbc.queryForObject("SELECT sha256 FROM paquet WHERE nom = ?", String.class, packageName);
    }

    static List<String> expectedOctober() throws IOException {
        return lines(Path.of("src/test/resources/attendu/indicateurs-2026-10-fenetre-1.csv"));
    }

    static List<String> withRevision(List<String> contract, int revision) {
        List<String> lines = new ArrayList<>();
        lines.add(contract.get(0) + ";revision");
        contract.stream().skip(1).forEach(line -> lines.add(line + ";" + revision));
        return lines;
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static void copy(Path from, Path to) throws IOException {
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
}
