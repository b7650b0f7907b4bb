package fr.esms.indicateurs.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import static fr.esms.indicateurs.report.Workbooks.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxWorkbookTest {

    private static final XlsxStyles STYLES = new XlsxStyles();
    private static final Instant CREATED = Instant.parse("2025-04-12T08:30:00Z");

    @TempDir
    Path out;

    private static XlsxWorkbook workbook() {
        return new XlsxWorkbook(STYLES, Deflater.BEST_SPEED, CREATED);
    }

    private static XSSFWorkbook read(XlsxWorkbook workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void markupQuotesAccentsAndCharactersOutsideTheBmpAreWrittenAsText() throws IOException {
        List<String> texts = List.of("<b>bold</b> & \"quoted\" 'single'", "]]> <![CDATA[ x ]]>", "&amp; &lt; &#65;",
                "Éé àç ÿ œ — « » € ¤", "clef 𝄞, emoji 😀, CJK 𠀀", "=1+2", "+SUM(A1)", "@x", "-1", "  two spaces  ",
                "line\nbreak\tand tab", "", "x".repeat(32_767));
        XlsxWorkbook workbook = workbook();
        XlsxSheet sheet = workbook.sheet("Texte");
        for (int i = 0; i < texts.size(); i++) {
            sheet.row(i).text(0, texts.get(i), STYLES.text);
        }
        try (XSSFWorkbook wb = read(workbook)) {
            XSSFSheet read = wb.getSheet("Texte");
            for (int i = 0; i < texts.size(); i++) {
                Cell cell = read.getRow(i).getCell(0);
                assertThat(cell.getCellType()).as(texts.get(i)).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(texts.get(i));
            }
            assertThat(Workbooks.formulaCells(wb)).isEmpty();
        }
    }

    @Test
    void textIsCleanedAsSheetBuilderDoes() throws IOException {
        String dirty = "a\u0000b\u0001c\u001Fd\uFFFEe\uFFFF" + "x".repeat(40_000);
        XlsxWorkbook workbook = workbook();
        workbook.sheet("S").row(0).text(0, dirty, STYLES.text);
        try (XSSFWorkbook wb = read(workbook)) {
            String read = wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
            assertThat(read).isEqualTo(SheetBuilder.clean(dirty)).startsWith("a b c d e ").hasSize(32_767);
        }
    }

    @Test
    void unpairedSurrogatesBecomeSpacesAndTheFileStaysValidXml() throws IOException {
        XlsxWorkbook workbook = workbook();
        workbook.sheet("S").row(0).text(0, "a\uD800b\uDC00c", STYLES.text);
        try (XSSFWorkbook wb = read(workbook)) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("a b c");
        }
    }

    @Test
    void sheetNamesWithMarkupAccentsAndCharactersOutsideTheBmp() throws IOException {
        List<String> names = List.of("Synthèse", "Qualité des données", "A&B <x> \"q\"", "L'été", "😀 𝄞",
                "A1", "Feuille 1");
        XlsxWorkbook workbook = workbook();
        for (String name : names) {
            XlsxSheet sheet = workbook.sheet(name);
            XlsxRow header = sheet.row(0);
            header.text(0, name, STYLES.header);
            sheet.repeatRows(0, 0);
        }
        try (XSSFWorkbook wb = read(workbook)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(names.size());
            for (int i = 0; i < names.size(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                assertThat(sheet.getSheetName()).isEqualTo(names.get(i));
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(names.get(i));
                assertThat(sheet.getRepeatingRows()).as(names.get(i)).isNotNull();
                assertThat(sheet.getRepeatingRows().getFirstRow()).isZero();
            }
        }
    }

    @Test
    void sheetNamesFollowExcelRules() {
        XlsxWorkbook workbook = workbook();
        workbook.sheet("Données");
        for (String bad : Arrays.asList(null, "", "x".repeat(32), "a/b", "a\\b", "a?b", "a*b", "a:b", "[a]",
                "'quoted'", "tab\there", "données")) {
            assertThatThrownBy(() -> workbook.sheet(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        workbook.sheet("x".repeat(31));
    }

    @Test
    void numbersDatesBlanksAndStylesReadBack() throws IOException {
        XlsxWorkbook workbook = workbook();
        XlsxSheet sheet = workbook.sheet("Nombres");
        XlsxRow row = sheet.row(2);
        row.height(32f);
        row.decimal(3, 0.925, STYLES.rate);
        row.integer(1, 1_234_567, STYLES.integer);
        row.blank(2, STYLES.rate(Legend.Band.FAR));
        row.text(0, "premier", STYLES.textBold);
        row.text(0, "remplacé", STYLES.label); // a column set twice keeps the last cell
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet("Dates"), STYLES);
        XlsxRow dates = b.row();
        b.date(dates, 0, LocalDate.of(2025, 4, 3));
        b.date(dates, 1, LocalDate.of(1900, 3, 1));
        b.date(dates, 2, null);
        b.fraction(dates, 3, 1e-7, STYLES.rate);
        b.finish(null);
        try (XSSFWorkbook wb = read(workbook)) {
            XSSFSheet read = wb.getSheet("Nombres");
            assertThat((Object) read.getRow(0)).isNull();
            assertThat(read.getRow(2).getHeightInPoints()).isEqualTo(32f);
            assertThat(read.getRow(2).getPhysicalNumberOfCells()).isEqualTo(4);
            assertThat(read.getRow(2).getCell(0).getStringCellValue()).isEqualTo("remplacé");
            assertThat(wb.getFontAt(read.getRow(2).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(read.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1_234_567);
            assertThat(Workbooks.format(read.getRow(2).getCell(1))).isEqualTo("#,##0");
            assertThat(read.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(Workbooks.fill(read.getRow(2).getCell(2))).isEqualTo(Legend.Band.FAR.fillRgb());
            assertThat(read.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(0.925);
            assertThat(Workbooks.format(read.getRow(2).getCell(3))).isEqualTo("0.0 %");

            XSSFSheet dateSheet = wb.getSheet("Dates");
            Cell date = dateSheet.getRow(0).getCell(0);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 3));
            assertThat(dateSheet.getRow(0).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(1900, 3, 1));
            assertThat(dateSheet.getRow(0).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(Workbooks.format(dateSheet.getRow(0).getCell(2))).isEqualTo("dd/mm/yyyy");
            assertThat(dateSheet.getRow(0).getCell(3).getNumericCellValue()).isEqualTo(1e-7);
            assertThat(dateSheet.getColumnWidth(0)).isEqualTo(12 * 256);
            assertThat(dateSheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(dateSheet.getFooter().getRight()).isEqualTo("Page &P / &N");
        }
    }

    @Test
    void rowsAreWrittenInIncreasingOrder() {
        XlsxSheet sheet = workbook().sheet("S");
        sheet.row(3);
        assertThatThrownBy(() -> sheet.row(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheet.row(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheet.row(4).decimal(0, Double.NaN, STYLES.rate))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheet.row(5).text(0, "x", XlsxStyle.DEFAULT.withWrap().withFill("123456")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPartIsWellFormedXmlAndTheChartOpensInPoi() throws Exception {
        XlsxWorkbook workbook = workbook();
        XlsxSheet sheet = workbook.sheet("Courbe <&>");
        XlsxRow header = sheet.row(0);
        header.text(0, "Mois", STYLES.header);
        header.text(1, "Taux \"a\" & <b>", STYLES.header);
        sheet.row(1).text(0, "janv. <1>", STYLES.text);
        XlsxRow february = sheet.row(2);
        february.text(0, "févr. 😀", STYLES.text);
        february.decimal(1, 0.5, STYLES.rate);
        String name = "Courbe <&>";
        sheet.chart(new XlsxLineChart("Titre & <sous-titre>", XlsxXml.absoluteColumnRange(name, 1, 2, 0),
                List.of("janv. <1>", "févr. 😀"), "0 %", List.of(new XlsxLineChart.Series(
                XlsxXml.absolute(name, 0, 1), "Taux \"a\" & <b>", XlsxXml.absoluteColumnRange(name, 1, 2, 1),
                Arrays.asList(null, 0.5), "1F4E79", 2.25, false, true)), 0, 4, 10, 26));
        workbook.save(out.resolve("courbe.xlsx"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.toList()).containsExactly(out.resolve("courbe.xlsx")); // nothing left beside it
        }

        List<String> parts = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out.resolve("courbe.xlsx")))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                byte[] bytes = zip.readAllBytes();
                parts.add(entry.getName());
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)); // throws when not well-formed
                assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("<?xml");
            }
        }
        assertThat(parts).contains("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/_rels/sheet1.xml.rels", "xl/drawings/drawing1.xml",
                "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml");

        try (XSSFWorkbook wb = open(out.resolve("courbe.xlsx"))) {
            XSSFChart chart = wb.getSheetAt(0).getDrawingPatriarch().getCharts().get(0);
            assertThat(chart.getTitleText().getString()).isEqualTo("Titre & <sous-titre>");
            var series = chart.getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0);
            assertThat(series.getTx().getStrRef().getF()).isEqualTo("'Courbe <&>'!$B$1");
            assertThat(series.getTx().getStrRef().getStrCache().getPtArray(0).getV()).isEqualTo("Taux \"a\" & <b>");
            assertThat(series.getCat().getStrRef().getF()).isEqualTo("'Courbe <&>'!$A$2:$A$3");
            assertThat(series.getCat().getStrRef().getStrCache().getPtArray(1).getV()).isEqualTo("févr. 😀");
            assertThat(series.getVal().getNumRef().getNumCache().getPtCount().getVal()).isEqualTo(2);
            assertThat(series.getVal().getNumRef().getNumCache().sizeOfPtArray()).isEqualTo(1); // a gap
            assertThat(chart.getChartSeries().get(0).getSeriesCount()).isEqualTo(1);
        }
    }

    @Test
    void sheetReferencesAreQuotedWhenFormulasNeedIt() {
        assertThat(XlsxXml.sheetReference("Historique")).isEqualTo("Historique");
        assertThat(XlsxXml.sheetReference("Synthèse")).isEqualTo("Synthèse");
        assertThat(XlsxXml.sheetReference("Qualité des données")).isEqualTo("'Qualité des données'");
        assertThat(XlsxXml.sheetReference("L'été")).isEqualTo("'L''été'");
        assertThat(XlsxXml.sheetReference("A1")).isEqualTo("'A1'");
        assertThat(XlsxXml.sheetReference("2025")).isEqualTo("'2025'");
        assertThat(XlsxXml.absolute("Qualité des données", 3, 27)).isEqualTo("'Qualité des données'!$AB$4");
        assertThat(XlsxXml.column(0)).isEqualTo("A");
        assertThat(XlsxXml.column(25)).isEqualTo("Z");
        assertThat(XlsxXml.column(26)).isEqualTo("AA");
        assertThat(XlsxXml.column(701)).isEqualTo("ZZ");
        assertThat(XlsxXml.column(702)).isEqualTo("AAA");
        assertThat(XlsxXml.column(16_383)).isEqualTo("XFD");
    }

    @Test
    void escapingOfTextAndAttributes() {
        assertThat(XlsxXml.text(new StringBuilder(), "<a href=\"x\">'&'</a>").toString())
                .isEqualTo("&lt;a href=\"x\"&gt;'&amp;'&lt;/a&gt;");
        assertThat(XlsxXml.attribute(new StringBuilder(), "<\"'&>\t\n\r").toString())
                .isEqualTo("&lt;&quot;&apos;&amp;&gt;&#9;&#10;&#13;");
        assertThat(XlsxXml.text(new StringBuilder(), "é😀\u0001\uFFFF\uD800").toString()).isEqualTo("é😀   ");
    }

    @Test
    void stylesAreSharedAndImmutable() {
        assertThat(STYLES.xf(XlsxStyle.DEFAULT)).isZero();
        assertThat(STYLES.xf(STYLES.text)).isZero();
        assertThat(STYLES.xf(STYLES.label)).isEqualTo(STYLES.xf(STYLES.textBold)); // same look, one entry
        assertThat(STYLES.xf(STYLES.rate(Legend.Band.REACHED))).isNotEqualTo(STYLES.xf(STYLES.rate));
        assertThat(new String(STYLES.stylesXml(), StandardCharsets.UTF_8))
                .contains("formatCode=\"0.0 %\"", "formatCode=\"0 %\"", "formatCode=\"dd/mm/yyyy\"",
                        "rgb=\"FFC6EFCE\"");
    }
}
