package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.AdjustmentCatalogue;
import fr.esms.indicateurs.rules.CatalogueEntry;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RulesVersion;
import fr.esms.indicateurs.rules.Sector;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static fr.esms.indicateurs.report.ReportFixtures.CLOCK;
import static fr.esms.indicateurs.report.ReportFixtures.MONTH;
import static fr.esms.indicateurs.report.ReportFixtures.TODAY;
import static fr.esms.indicateurs.report.ReportFixtures.identity;
import static fr.esms.indicateurs.report.ReportFixtures.mixed;
import static fr.esms.indicateurs.report.Workbooks.column;
import static fr.esms.indicateurs.report.Workbooks.fill;
import static fr.esms.indicateurs.report.Workbooks.format;
import static fr.esms.indicateurs.report.Workbooks.open;
import static fr.esms.indicateurs.report.Workbooks.rowWith;
import static fr.esms.indicateurs.report.Workbooks.rowsAfter;
import static fr.esms.indicateurs.report.Workbooks.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EssmsWorkbookWriterTest {

    private static final String FINESS = "350005179";

    @TempDir
    Path out;

    private final EssmsWorkbookWriter writer = new EssmsWorkbookWriter(CLOCK);

    private static EssmsReport report(EssmsIdentity identity, EssmsMeasure measure, List<HistoryPoint> history) {
        DataQuality quality = new DataQuality(
                List.of(new PackageUsed("alpha_2025-04.zip", "Alpha Santé", "AlphaDUI", "4.2.1",
                        LocalDate.of(2025, 4, 3), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                List.of(new FileCount("alpha_2025-04.zip", "usagers.csv", 52, 50, 2),
                        new FileCount("alpha_2025-04.zip", "agenda.csv", 1200, 0, 0,
                                "colonne obligatoire absente : date_evenement")),
                List.of("colonne inconnue ignorée : commentaire (usagers.csv)"),
                "rejets/2025-03/rejets.csv");
        return new EssmsReport(identity, measure, history, quality);
    }

    private Path writeMixed() throws IOException {
        EssmsIdentity id = identity(FINESS, "EHPAD Les Tilleuls", "500", "35", "P-001", "Alpha Santé");
        return writer.write(report(id, mixed(FINESS), List.of()), out);
    }

    @Test
    void writesUnderReportsProjectFinessAndMonth() throws IOException {
        Path file = writeMixed();

        assertThat(file).isEqualTo(out.resolve("rapports/P-001/350005179_2025-03.xlsx").toAbsolutePath());
        assertThat(file).isRegularFile();
        try (Stream<Path> listing = Files.list(file.getParent())) {
            assertThat(listing.toList()).containsExactly(file); // no partial file left behind
        }
    }

    @Test
    void sanitisesEveryPathPartBuiltFromInput() throws IOException {
        EssmsIdentity id = identity("35/../../x", "Nom", "500", "35", "../../etc/Projet été 2025", "Alpha");
        EssmsMeasure measure = ReportFixtures.measure("35/../../x", Sector.PA, MONTH, 10, 9, 9, 9, 7, 7);

        Path file = writer.write(report(id, measure, List.of()), out);

        assertThat(file).isEqualTo(out.toAbsolutePath().resolve("rapports/______etc_Projet_ete_2025/35_______x_2025-03.xlsx"));
        assertThat(file.startsWith(out.toAbsolutePath())).isTrue();
        assertThat(out.relativize(file.toAbsolutePath().getParent().getParent()).toString()).isEqualTo("rapports");
        for (Path part : out.toAbsolutePath().relativize(file)) {
            assertThat(part.toString().replace(".xlsx", "")).matches("[A-Za-z0-9_-]+");
        }
        assertThat(PathParts.sanitise(null)).isEqualTo("inconnu");
        assertThat(PathParts.sanitise("  ")).isEqualTo("inconnu");
        assertThat(PathParts.sanitise("a/b\\c:d*e?f\"g<h>i|j k.l")).isEqualTo("a_b_c_d_e_f_g_h_i_j_k_l");
        assertThat(PathParts.sanitise("x".repeat(200))).hasSize(64);
    }

    @Test
    void synthesisStatesWhereTheFiguresComeFromWhenKnown() throws IOException {
        EssmsIdentity id = identity(FINESS, "EHPAD Les Tilleuls", "500", "35", "P-001", "Alpha Santé");
        for (var source : List.of(FigureSource.aggregates("cortex_2025-03"), FigureSource.records(),
                FigureSource.none())) {
            DataQuality quality = new DataQuality(List.of(), List.of(), List.of(), null, source);
            try (XSSFWorkbook wb = open(writer.write(new EssmsReport(id, mixed(FINESS), List.of(), quality), out))) {
                XSSFSheet sheet = wb.getSheet("Synthèse");
                assertThat(value(sheet, "Source des chiffres")).isEqualTo(switch (source.kind()) {
                    case AGREGATS -> "comptages agrégés de l'éditeur (agregats.csv, paquet cortex_2025-03)";
                    case DOSSIERS -> "dossiers détaillés (données individuelles des exports)";
                    case AUCUNE -> "aucune donnée reçue pour la fenêtre";
                });
                // Bold, right under the rules version: it must not be missed.
                Row line = rowWith(sheet, "Source des chiffres");
                assertThat(line.getRowNum()).isEqualTo(rowWith(sheet, "Version des règles").getRowNum() + 1);
                assertThat(wb.getFontAt(line.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
        }
        // Unknown source (older callers): no line rather than a guess.
        try (XSSFWorkbook wb = open(writeMixed())) {
            assertThatThrownBy(() -> rowWith(wb.getSheet("Synthèse"), "Source des chiffres"))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void synthesisShowsIdentityWindowAndRulesVersion() throws IOException {
        try (XSSFWorkbook wb = open(writeMixed())) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Synthèse");
            assertThat(List.of(wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("Historique", "Aménagements", "Qualité des données");
            XSSFSheet sheet = wb.getSheet("Synthèse");
            assertThat(value(sheet, "Raison sociale")).isEqualTo("EHPAD Les Tilleuls");
            Cell finess = rowWith(sheet, "FINESS géographique").getCell(1);
            assertThat(finess.getCellType()).isEqualTo(CellType.STRING);
            assertThat(finess.getStringCellValue()).isEqualTo(FINESS);
            assertThat(value(sheet, "FINESS juridique")).isEqualTo("350000014");
            assertThat(value(sheet, "Catégorie FINESS")).isEqualTo("500");
            assertThat(value(sheet, "Secteur")).isEqualTo("Personnes âgées (PA)");
            assertThat(value(sheet, "Projet")).isEqualTo("P-001 — Projet P-001");
            assertThat(value(sheet, "Éditeur")).isEqualTo("Alpha Santé");
            assertThat(value(sheet, "Mois de mesure")).isEqualTo("mars 2025");
            assertThat(value(sheet, "Fenêtre")).isEqualTo("3 mois, du 01/01/2025 au 31/03/2025");
            assertThat(value(sheet, "Version des règles")).isEqualTo("2025");
            Cell generated = rowWith(sheet, "Généré le").getCell(1);
            assertThat(DateUtil.isCellDateFormatted(generated)).isTrue();
            assertThat(format(generated)).isEqualTo("dd/mm/yyyy");
            assertThat(generated.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY);
        }
    }

    @Test
    void synthesisTableHasNumbersRatesTargetsGapsAndSentences() throws IOException {
        try (XSSFWorkbook wb = open(writeMixed())) {
            XSSFSheet sheet = wb.getSheet("Synthèse");
            Row header = rowWith(sheet, "Indicateur");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Taux");
            int from = header.getRowNum();

            Row active = rowWith(sheet, 0, "Dossiers actifs", from);
            assertThat(active.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(active.getCell(1).getNumericCellValue()).isEqualTo(45);
            assertThat(format(active.getCell(1))).isEqualTo("#,##0");
            assertThat(active.getCell(2).getNumericCellValue()).isEqualTo(50);
            assertThat(active.getCell(4).getNumericCellValue()).isEqualTo(50);
            assertThat(active.getCell(5).getNumericCellValue()).isEqualTo(0.9);
            assertThat(format(active.getCell(5))).isEqualTo("0.0 %");
            assertThat(active.getCell(6).getNumericCellValue()).isEqualTo(0.9);
            assertThat(format(active.getCell(6))).isEqualTo("0 %");
            assertThat(active.getCell(7).getStringCellValue()).isEqualTo("Oui");
            assertThat(active.getCell(8).getNumericCellValue()).isZero();
            assertThat(active.getCell(9).getStringCellValue()).isEqualTo("cible atteinte");

            Row pp = rowWith(sheet, 0, "Projet personnalisé", from);
            assertThat(pp.getCell(5).getNumericCellValue()).isEqualTo(0.822); // 37/45 = 82,2 %
            assertThat(pp.getCell(7).getStringCellValue()).isEqualTo("Non");
            assertThat(pp.getCell(8).getNumericCellValue()).isEqualTo(4);
            assertThat(pp.getCell(9).getStringCellValue())
                    .isEqualTo("il manque 4 dossiers actifs avec projet personnalisé");

            Row agenda = rowWith(sheet, 0, "Agenda", from);
            assertThat(agenda.getCell(9).getStringCellValue())
                    .isEqualTo("il manque 21 dossiers actifs avec un événement d'agenda");
            Row mss = rowWith(sheet, 0, "Messagerie sécurisée (MSSanté)", from);
            assertThat(mss.getCell(5).getNumericCellValue()).isEqualTo(0.24);
            assertThat(mss.getCell(6).getNumericCellValue()).isEqualTo(0.7);
            assertThat(mss.getCell(9).getStringCellValue()).isEqualTo("il manque 23 messages MSSanté");

            Row dmp = rowWith(sheet, 0, "DMP (Mon espace santé)", from);
            assertThat(dmp.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(dmp.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(dmp.getCell(4).getNumericCellValue()).isZero();
            assertThat(dmp.getCell(5).getCellType()).isEqualTo(CellType.BLANK); // NC: never 0 %
            assertThat(dmp.getCell(7).getStringCellValue()).isEqualTo("NC");
            assertThat(dmp.getCell(9).getStringCellValue()).isEqualTo("non calculable (dénominateur nul)");

            Row parcours = rowWith(sheet, 0, "e-parcours", from);
            assertThat(parcours.getCell(1).getNumericCellValue()).isEqualTo(1234);
            assertThat(parcours.getCell(2) == null || parcours.getCell(2).getCellType() == CellType.BLANK).isTrue();
            assertThat(parcours.getCell(9).getStringCellValue()).isEqualTo("compteur sans cible : 1\u00a0234 sur la fenêtre");

            assertThat(value(sheet, "Toutes les cibles atteintes")).isEqualTo("Non");
        }
    }

    @Test
    void coloursFollowTheLegendBands() throws IOException {
        try (XSSFWorkbook wb = open(writeMixed())) {
            XSSFSheet sheet = wb.getSheet("Synthèse");
            int from = rowWith(sheet, "Indicateur").getRowNum();
            assertThat(fill(rowWith(sheet, 0, "Dossiers actifs", from).getCell(5)))
                    .isEqualTo(Legend.Band.REACHED.fillRgb()).isEqualTo("C6EFCE");
            assertThat(fill(rowWith(sheet, 0, "Projet personnalisé", from).getCell(5)))
                    .isEqualTo(Legend.Band.CLOSE.fillRgb());
            assertThat(fill(rowWith(sheet, 0, "Agenda", from).getCell(5))).isEqualTo(Legend.Band.FAR.fillRgb());
            assertThat(fill(rowWith(sheet, 0, "Agenda", from).getCell(7))).isEqualTo(Legend.Band.FAR.fillRgb());
            assertThat(fill(rowWith(sheet, 0, "DMP (Mon espace santé)", from).getCell(5)))
                    .isEqualTo(Legend.Band.NEUTRAL.fillRgb());
            assertThat(fill(rowWith(sheet, 0, "DMP (Mon espace santé)", from).getCell(7)))
                    .isEqualTo(Legend.Band.NEUTRAL.fillRgb());

            // the legend is on the sheet, each swatch in its own colour
            for (Legend.Band band : Legend.Band.values()) {
                Row row = rowWith(sheet, band.colourName());
                assertThat(fill(row.getCell(0))).isEqualTo(band.fillRgb());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(band.meaning());
            }
        }
    }

    @Test
    void legendBandsAreDecidedOnExactIntegers() {
        // 80 % of a 90 % target is the lowest orange; just below is red
        assertThat(Legend.of(ReportFixtures.rated(Indicator.AGENDA, 8, 10, 0, 90))).isEqualTo(Legend.Band.CLOSE);
        assertThat(Legend.of(ReportFixtures.rated(Indicator.AGENDA, 799, 1000, 0, 90))).isEqualTo(Legend.Band.FAR);
        // 89,96 % shows 90,0 % but is not reached: orange, not green
        assertThat(Legend.of(ReportFixtures.rated(Indicator.AGENDA, 2249, 2500, 0, 90))).isEqualTo(Legend.Band.CLOSE);
        assertThat(Legend.of(ReportFixtures.rated(Indicator.AGENDA, 9, 10, 0, 90))).isEqualTo(Legend.Band.REACHED);
        assertThat(Legend.of(ReportFixtures.rated(Indicator.MSS, 5, 10, 0, null))).isEqualTo(Legend.Band.NEUTRAL);
        assertThat(Legend.of(ReportFixtures.counter(Indicator.EPARCOURS, 3))).isEqualTo(Legend.Band.NEUTRAL);
        assertThat(Legend.ofRate(0.9, 90)).isEqualTo(Legend.Band.REACHED);
        assertThat(Legend.ofRate(0.8, 90)).isEqualTo(Legend.Band.CLOSE);
        assertThat(Legend.ofRate(0.79, 90)).isEqualTo(Legend.Band.FAR);
        assertThat(Legend.ofRate(null, 90)).isEqualTo(Legend.Band.NEUTRAL);
    }

    @Test
    void exemptedServicesOfPjmAreGreyWithoutTarget() throws IOException {
        String finess = ReportFixtures.finess("35", 77);
        EssmsIdentity id = identity(finess, "Service mandataire", "340", "35", "P-002", "Beta");
        EssmsMeasure measure = ReportFixtures.measure(finess, Sector.PJM, MONTH, 100, 95, 90, 91, 3, 1);

        try (XSSFWorkbook wb = open(writer.write(report(id, measure, List.of()), out))) {
            XSSFSheet sheet = wb.getSheet("Synthèse");
            int from = rowWith(sheet, "Indicateur").getRowNum();
            Row mss = rowWith(sheet, 0, "Messagerie sécurisée (MSSanté)", from);
            assertThat(mss.getCell(5).getNumericCellValue()).isEqualTo(0.03); // still computed and shown
            assertThat(mss.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(mss.getCell(7).getStringCellValue()).isEqualTo("Exempté");
            assertThat(mss.getCell(8).getNumericCellValue()).isZero();
            assertThat(mss.getCell(9).getStringCellValue()).isEqualTo("exempté (protection juridique des majeurs)");
            assertThat(fill(mss.getCell(5))).isEqualTo(Legend.Band.NEUTRAL.fillRgb());
            assertThat(value(sheet, "Toutes les cibles atteintes")).isEqualTo("Oui");

            // the history chart has the 90 % line only: nothing is held to 70 %
            XSSFChart chart = chart(wb);
            assertThat(seriesCount(chart)).isEqualTo(5 + 1);
        }
    }

    @Test
    void inputTextNeverBecomesAFormula() throws IOException {
        String injected = "=HYPERLINK(\"http://x\")";
        EssmsIdentity id = new EssmsIdentity(FINESS, "+1+1", injected, "500", null, "@SUM(A1)", "P-001",
                "=1+2", "-2+3");
        DataQuality quality = new DataQuality(
                List.of(new PackageUsed("=cmd|' /C calc'!A0", "=ED", "=SW", "=V", null, "=SHA")),
                List.of(new FileCount("=P", "=F", 1, 1, 0, "=R")), List.of("=WARN()"), "=LOC()");
        try (XSSFWorkbook wb = open(writer.write(new EssmsReport(id, mixed(FINESS), List.of(), quality), out))) {
            Cell name = rowWith(wb.getSheet("Synthèse"), "Raison sociale").getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(injected);
            assertThat(wb.getSheet("Synthèse").getRow(1).getCell(0).getStringCellValue()).isEqualTo(injected);
            assertThat(Workbooks.formulaCells(wb)).isEmpty();
        }
    }

    @Test
    void controlCharactersAndOverlongTextAreWrittenSafely() throws IOException {
        String name = "Foyer\u0001 \u0007Les Pins" + "x".repeat(40_000);
        EssmsIdentity id = identity(FINESS, name, "500", "35", "P-001", "Alpha");
        try (XSSFWorkbook wb = open(writer.write(report(id, mixed(FINESS), List.of()), out))) {
            String written = rowWith(wb.getSheet("Synthèse"), "Raison sociale").getCell(1).getStringCellValue();
            assertThat(written).startsWith("Foyer   Les Pins").hasSize(32_767); // each control character is a space
        }
    }

    @Test
    void historyHasOneRowPerMonthAndANativeLineChartWithTargetLines() throws IOException {
        EssmsIdentity id = identity(FINESS, "EHPAD Les Tilleuls", "500", "35", "P-001", "Alpha Santé");
        List<HistoryPoint> history = List.of(
                HistoryPoint.of(ReportFixtures.measure(FINESS, Sector.PA, YearMonth.of(2025, 2), 50, 40, 30, 20, 10, 5)),
                HistoryPoint.of(ReportFixtures.measure(FINESS, Sector.PA, YearMonth.of(2025, 1), 0, 0, 0, 0, 0, 0)));

        try (XSSFWorkbook wb = open(writer.write(report(id, mixed(FINESS), history), out))) {
            XSSFSheet sheet = wb.getSheet("Historique");
            Row header = rowWith(sheet, "Mois");
            assertThat(column(header, "Dossiers actifs")).isEqualTo(2);
            assertThat(column(header, "DMP")).isEqualTo(6);
            assertThat(column(header, "Cible 90 %")).isEqualTo(9);
            assertThat(column(header, "Cible 70 %")).isEqualTo(10);
            List<Row> rows = rowsAfter(sheet, header.getRowNum());
            assertThat(rows).extracting(r -> r.getCell(0).getStringCellValue())
                    .containsExactly("janvier 2025", "février 2025", "mars 2025"); // sorted, current month added
            assertThat(rows.get(0).getCell(2).getCellType()).isEqualTo(CellType.BLANK); // NC in January
            assertThat(rows.get(1).getCell(2).getNumericCellValue()).isEqualTo(0.8);
            assertThat(format(rows.get(1).getCell(2))).isEqualTo("0.0 %");
            assertThat(fill(rows.get(1).getCell(2))).isEqualTo(Legend.Band.CLOSE.fillRgb());
            assertThat(rows.get(2).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(rows.get(2).getCell(9).getNumericCellValue()).isEqualTo(0.9);
            assertThat(rows.get(2).getCell(10).getNumericCellValue()).isEqualTo(0.7);

            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            assertThat(drawing).isNotNull();
            assertThat(drawing.getCharts()).hasSize(1);
            XSSFChart chart = drawing.getCharts().get(0);
            assertThat(chart.getChartSeries()).hasSize(1);
            XDDFChartData data = chart.getChartSeries().get(0);
            assertThat(data.getSeriesCount()).isEqualTo(7);
            var lines = chart.getCTChart().getPlotArea().getLineChartArray(0);
            List<String> titles = IntStream.range(0, lines.sizeOfSerArray())
                    .mapToObj(i -> lines.getSerArray(i).getTx().getStrRef().getF()).toList();
            assertThat(titles).containsExactly("Historique!$C$4", "Historique!$D$4", "Historique!$E$4",
                    "Historique!$F$4", "Historique!$G$4", "Historique!$J$4", "Historique!$K$4");
            assertThat(data.getSeries(0).getCategoryData().getPointCount()).isEqualTo(3);
        }
    }

    @Test
    void adjustmentsSheetListsAppliedAndRefused() throws IOException {
        try (XSSFWorkbook wb = open(writeMixed())) {
            XSSFSheet sheet = wb.getSheet("Aménagements");
            Row applied = rowWith(sheet, 1, "ANONYMAT", 0);
            assertThat(applied.getCell(0).getStringCellValue()).isEqualTo("DMP (Mon espace santé)");
            assertThat(applied.getCell(2).getStringCellValue()).isEqualTo("Personne accompagnée sous anonymat");
            assertThat(applied.getCell(3).getStringCellValue()).isEqualTo("Aménagement déclaré, validé par l'ARS");
            assertThat(applied.getCell(4).getNumericCellValue()).isEqualTo(2);
            assertThat(applied.getCell(5).getStringCellValue()).isEqualTo("Décision DNS-CNSA 2025-07");

            Row refused = rowWith(sheet, 1, "INCONNU", 0);
            assertThat(refused.getRowNum()).isGreaterThan(applied.getRowNum());
            assertThat(refused.getCell(0).getStringCellValue()).isEqualTo("Tous (code inconnu)");
            assertThat(refused.getCell(2).getStringCellValue()).isEqualTo("Code porté par l'usager (usagers.csv)");
            assertThat(refused.getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(refused.getCell(4).getStringCellValue()).isEqualTo("code inconnu du catalogue d'aménagements 2025");
        }
    }

    @Test
    void dataQualitySheetShowsPackagesFilesWarningsAndRejections() throws IOException {
        try (XSSFWorkbook wb = open(writeMixed())) {
            XSSFSheet sheet = wb.getSheet("Qualité des données");
            Row pkg = rowWith(sheet, 1, "Alpha Santé", 0);
            assertThat(pkg.getCell(0).getStringCellValue()).isEqualTo("alpha_2025-04.zip");
            assertThat(pkg.getCell(3).getStringCellValue()).isEqualTo("4.2.1");
            Cell extracted = pkg.getCell(4);
            assertThat(extracted.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(extracted)).isTrue();
            assertThat(format(extracted)).isEqualTo("dd/mm/yyyy");
            assertThat(extracted.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 3));
            assertThat(pkg.getCell(5).getStringCellValue()).hasSize(64);

            Row usagers = rowWith(sheet, 1, "usagers.csv", 0);
            assertThat(usagers.getCell(2).getNumericCellValue()).isEqualTo(52);
            assertThat(usagers.getCell(3).getNumericCellValue()).isEqualTo(50);
            assertThat(usagers.getCell(4).getNumericCellValue()).isEqualTo(2);
            assertThat(rowWith(sheet, 1, "agenda.csv", 0).getCell(5).getStringCellValue())
                    .isEqualTo("colonne obligatoire absente : date_evenement");
            Row total = rowWith(sheet, "Total");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(1252);

            assertThat(rowWith(sheet, "Lecture des exports").getCell(1).getStringCellValue())
                    .isEqualTo("colonne inconnue ignorée : commentaire (usagers.csv)");
            assertThat(rowWith(sheet, "Calcul des indicateurs").getCell(1).getStringCellValue())
                    .startsWith("2 personne(s) ont plusieurs dossiers actifs");
            Row where = sheet.getRow(rowWith(sheet, "Lignes rejetées").getRowNum() + 1);
            assertThat(where.getCell(0).getStringCellValue()).endsWith(" : rejets/2025-03/rejets.csv");
        }
    }

    @Test
    void printSetUpIsLandscapeFitToWidthWithRepeatedHeaders() throws IOException {
        try (XSSFWorkbook wb = open(writeMixed())) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            }
            XSSFSheet history = wb.getSheet("Historique");
            assertThat(history.getRepeatingRows()).isNotNull();
            assertThat(history.getRepeatingRows().getFirstRow()).isEqualTo(rowWith(history, "Mois").getRowNum());
            // widths come from the content: the indicator column is wider than the default
            assertThat(wb.getSheet("Synthèse").getColumnWidth(0)).isGreaterThan(20 * 256);
        }
    }

    @Test
    void writesWhatTheRulesComputed() throws IOException {
        AdjustmentCatalogue catalogue = new AdjustmentCatalogue(List.of(new CatalogueEntry("ANONYMAT",
                "Personne accompagnée sous anonymat", Set.of(Indicator.DMP), Set.of(), Set.of(Sector.PDS), null, null,
                "Instruction DNS/DGCS/CNSA/2025/40")));
        IndicatorCalculator calculator = new IndicatorCalculator(RulesVersion.v2025(catalogue));
        LocalDate day = LocalDate.of(2025, 3, 10);
        List<Stay> stays = new ArrayList<>();
        List<DuiRecord> records = new ArrayList<>();
        List<RecordUpdate> updates = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            stays.add(new Stay("u" + p, LocalDate.of(2024, 1, 1), null, p == 3 ? List.of("ANONYMAT") : List.of()));
            records.add(new DuiRecord("d" + p, "u" + p));
            updates.add(new RecordUpdate("d" + p, MONTH));
        }
        EssmsActivity activity = new EssmsActivity(stays, records, updates,
                List.of(new PersonalisedProject("pp1", "d1", ProjectStatus.ACTIF, null, null)),
                List.of(new AgendaEvent("e1", "d1", day, EventStatus.REALISE),
                        new AgendaEvent("e2", "d2", day, EventStatus.ANNULE)),
                List.of(new MssMessage("m1", day), new MssMessage("m2", day)),
                List.of(new DmpDocument("doc1", "d1", day, DmpStatus.DEPOSE)), List.of(), List.of());
        String finess = ReportFixtures.finess("35", 12);
        EssmsMeasure measure = calculator.compute(finess, "178", new MeasureWindow(MONTH, 1), activity,
                List.<DeclaredAdjustment>of());
        EssmsIdentity id = identity(finess, "CSAPA Horizon", "178", "35", "P-003", "Gamma");

        try (XSSFWorkbook wb = open(writer.write(report(id, measure, List.of()), out))) {
            XSSFSheet sheet = wb.getSheet("Synthèse");
            int from = rowWith(sheet, "Indicateur").getRowNum();
            for (Indicator indicator : EssmsWorkbookWriter.RATED) {
                var result = measure.result(indicator);
                Row row = rowWith(sheet, 0, FrenchText.indicator(indicator), from);
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo((double) result.numerator());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo((double) result.denominator());
                assertThat(row.getCell(5).getNumericCellValue())
                        .isCloseTo(Double.parseDouble(result.rate()) / 100, within(1e-12));
                assertThat(row.getCell(8).getNumericCellValue()).isEqualTo((double) result.gap());
            }
            Row dmp = rowWith(sheet, 0, "DMP (Mon espace santé)", from);
            assertThat(dmp.getCell(3).getNumericCellValue()).isEqualTo(1); // the anonymous person
            assertThat(rowWith(wb.getSheet("Aménagements"), 1, "ANONYMAT", 0).getCell(5).getStringCellValue())
                    .isEqualTo("Instruction DNS/DGCS/CNSA/2025/40");
        }
    }

    @Test
    void refusesAMeasureOfAnotherEssms() {
        EssmsIdentity id = identity(FINESS, "X", "500", "35", "P", "E");
        assertThatThrownBy(() -> new EssmsReport(id, mixed("010000016"), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String value(XSSFSheet sheet, String label) {
        return string(rowWith(sheet, label).getCell(1));
    }

    private static XSSFChart chart(XSSFWorkbook wb) {
        return wb.getSheet("Historique").getDrawingPatriarch().getCharts().get(0);
    }

    private static int seriesCount(XSSFChart chart) {
        return chart.getChartSeries().get(0).getSeriesCount();
    }
}
