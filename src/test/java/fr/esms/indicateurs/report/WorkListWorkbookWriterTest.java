package fr.esms.indicateurs.report;

import fr.esms.indicateurs.output.WorkListCsvWriter;
import fr.esms.indicateurs.rules.AdjustmentCatalogue;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RulesVersion;
import fr.esms.indicateurs.rules.WorkList;
import fr.esms.indicateurs.rules.WorkLists;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static fr.esms.indicateurs.report.Workbooks.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The work-list files of a small ESSMS, March 2025: U1 counts everywhere, U2's record was last updated in January,
 * U3 has no record. DOSSIERS_ACTIFS 1/3, MSS 0/3 and DMP 1/3 miss their targets; PP and AGENDA (1/1) reach them.
 */
class WorkListWorkbookWriterTest {

    static final String FINESS = "350000014";

    @TempDir
    Path output;

    static WorkList list() {
        MeasureWindow window = new MeasureWindow(ReportFixtures.MONTH, 1);
        LocalDate longAgo = LocalDate.of(2020, 1, 1);
        EssmsActivity activity = new EssmsActivity(
                List.of(new Stay("U1", longAgo, null, List.of()), new Stay("U2", longAgo, null, List.of()),
                        new Stay("U3", longAgo, null, List.of())),
                List.of(new DuiRecord("R1", "U1"), new DuiRecord("R2", "U2")),
                List.of(new RecordUpdate("R1", ReportFixtures.MONTH),
                        new RecordUpdate("R2", ReportFixtures.MONTH.minusMonths(2))),
                List.of(new PersonalisedProject("PP1", "R1", EssmsActivity.ProjectStatus.ACTIF, null, null)),
                List.of(new AgendaEvent("E1", "R1", LocalDate.of(2025, 3, 4), EssmsActivity.EventStatus.PREVU)),
                List.of(),
                List.of(new DmpDocument("DOC1", "R1", LocalDate.of(2025, 3, 5), EssmsActivity.DmpStatus.DEPOSE)),
                List.of(), List.of());
        return new WorkLists(new IndicatorCalculator(RulesVersion.v2025(new AdjustmentCatalogue(List.of()))))
                .compute(FINESS, "500", window, activity, List.of());
    }

    static EssmsIdentity identity() {
        return ReportFixtures.identity(FINESS, "EHPAD Les Tilleuls", "500", "35", "PRJ-1", "Éditeur A");
    }

    @Test
    void workbookHasASynthesisAndOneSheetPerListedIndicator() throws Exception {
        Path file = new WorkListWorkbookWriter(ReportFixtures.CLOCK, null).write(identity(), list(), output);

        assertThat(output.relativize(file).toString()).isEqualTo("listes/PRJ-1/350000014_2025-03.xlsx");
        try (XSSFWorkbook workbook = Workbooks.open(file)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(0)).isEqualTo("Synthèse");
            assertThat(workbook.getSheetName(1)).isEqualTo("Dossiers actifs");
            assertThat(workbook.getSheetName(2)).isEqualTo("DMP");
            Sheet records = workbook.getSheet("Dossiers actifs");
            int header = Workbooks.rowWith(records, 0, "N°", 0).getRowNum();
            assertThat(Workbooks.rowsAfter(records, header)).hasSize(2);
            assertThat(List.of(string(records.getRow(header + 1).getCell(1)),
                    string(records.getRow(header + 1).getCell(2)), string(records.getRow(header + 1).getCell(3)),
                    string(records.getRow(header + 1).getCell(4))))
                    .containsExactly("U2", "R2", "dossier non mis à jour depuis janvier 2025", "janvier 2025");
            assertThat(string(records.getRow(header + 2).getCell(1))).isEqualTo("U3");
            assertThat(string(records.getRow(header + 2).getCell(3))).isEqualTo("aucun dossier DUI pour cette personne");
            // 1 / 3: 100 < 270, manque 2
            assertThat(string(records.getRow(header - 2).getCell(0))).isEqualTo("2 personnes listées ; en régler "
                    + "2 (le manque) suffit pour atteindre la cible de 90 % : les premières lignes sont les plus"
                    + " rapides à régler.");
            Sheet synthesis = workbook.getSheet("Synthèse");
            String mss = string(Workbooks.rowWith(synthesis, "Messagerie sécurisée (MSSanté)").getCell(7));
            assertThat(mss).startsWith("La messagerie sécurisée compte des messages, pas des personnes : pas de liste"
                    + " nominative ; il manque 3 messages");
            assertThat(Workbooks.formulaCells(workbook)).isEmpty();
        }
    }

    @Test
    void csvHasOneLinePerPersonAndOneLineForMss() throws Exception {
        Path file = new WorkListCsvWriter().write(identity(), list(), output);

        assertThat(output.relativize(file).toString()).isEqualTo("listes/PRJ-1/350000014_2025-03.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("finess;mois;fenetre_mois;indicateur;manque;amenagement_declare;rang;"
                + "usager_id;dossier_id;code_motif;motif;date");
        assertThat(lines.subList(1, 3)).containsExactly(
                "350000014;2025-03;1;DOSSIERS_ACTIFS;2;0;1;U2;R2;RECORD_NOT_UPDATED;"
                        + "dossier non mis à jour depuis janvier 2025;2025-01",
                "350000014;2025-03;1;DOSSIERS_ACTIFS;2;0;2;U3;;NO_RECORD;aucun dossier DUI pour cette personne;");
        assertThat(lines.get(3)).startsWith("350000014;2025-03;1;MSS;3;0;;;;;\"La messagerie sécurisée");
        assertThat(lines.subList(4, 6)).containsExactly(
                "350000014;2025-03;1;DMP;2;0;1;U2;R2;NO_DMP_DOCUMENT;aucun document déposé au DMP;",
                "350000014;2025-03;1;DMP;2;0;2;U3;;DMP_NO_RECORD;aucun dossier DUI : aucun document déposé au DMP ne"
                        + " peut lui être rattaché;");
        assertThat(lines).hasSize(6);
    }

    @Test
    void theMssSentenceAgreesWithItsNumber() {
        WorkList list = list();
        var mss = list.sections().stream().filter(s -> s.indicator() == fr.esms.indicateurs.rules.Indicator.MSS)
                .findFirst().orElseThrow();
        var one = new fr.esms.indicateurs.rules.WorkListSection(new fr.esms.indicateurs.rules.IndicatorResult(
                mss.indicator(), 6, 10L, 0, 10L, 70, fr.esms.indicateurs.rules.Attainment.NON, 1), false, List.of());

        assertThat(WorkListText.summary(mss, true)).contains("il manque 3 messages envoyés par MSSanté");
        assertThat(WorkListText.summary(one, true)).contains("il manque 1 message envoyé par MSSanté");
    }

    @Test
    void aProtectedWorkbookOpensOnlyWithItsPassword() throws Exception {
        Path file = new WorkListWorkbookWriter(ReportFixtures.CLOCK, "s3cret é").write(identity(), list(), output);

        assertThatThrownBy(() -> Workbooks.open(file)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> WorkbookFactory.create(file.toFile(), "faux", true))
                .isInstanceOf(EncryptedDocumentException.class);
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), "s3cret é", true)) {
            assertThat(workbook.getSheetName(1)).isEqualTo("Dossiers actifs");
        }
    }

    @Test
    void essmsAndRegionalWorkbooksMayBeProtectedToo() throws Exception {
        EssmsReport report = new EssmsReport(identity(), list().measure(), List.of(),
                new DataQuality(List.of(), List.of(), List.of(), "rejets/2025-03.csv", FigureSource.records()));
        Path essms = new EssmsWorkbookWriter(ReportFixtures.CLOCK).protectedBy("mdp").write(report, output);
        Path regional = new RegionalWorkbookWriter(ReportFixtures.CLOCK, "mdp").write(new RegionalReport(
                ReportFixtures.MONTH, 1, List.of(new RegionalRow(identity(), list().measure().figuresOnly(), null,
                FigureSource.records())), List.of(), LocalDate.of(2025, 4, 10)), output);

        for (Path file : List.of(essms, regional)) {
            assertThatThrownBy(() -> Workbooks.open(file)).isInstanceOf(Exception.class);
            try (Workbook workbook = WorkbookFactory.create(file.toFile(), "mdp", true)) {
                assertThat(workbook.getSheetName(0)).isEqualTo("Synthèse");
            }
        }
    }
}
