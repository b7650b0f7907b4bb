package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.rules.Attainment;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The solde workbook's styles, created once per workbook. */
final class SoldeStyles {
    final CellStyle plain;
    final CellStyle left;
    final CellStyle wrap;
    final CellStyle note;
    final CellStyle title;
    final CellStyle label;
    final CellStyle header;
    final CellStyle euros;
    final CellStyle rate;
    final CellStyle target;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle green;
    final CellStyle red;
    final CellStyle grey;

    SoldeStyles(XSSFWorkbook wb) {
        var formats = wb.createDataFormat();
        plain = wb.createCellStyle();
        plain.setVerticalAlignment(VerticalAlignment.TOP);
        left = wb.createCellStyle();
        left.cloneStyleFrom(plain);
        left.setAlignment(HorizontalAlignment.LEFT);
        wrap = wb.createCellStyle();
        wrap.cloneStyleFrom(plain);
        wrap.setWrapText(true);
        note = wb.createCellStyle();
        note.cloneStyleFrom(wrap);
        Font italic = wb.createFont();
        italic.setItalic(true);
        note.setFont(italic);
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        label = wb.createCellStyle();
        label.cloneStyleFrom(plain);
        label.setFont(bold);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        euros = wb.createCellStyle();
        euros.cloneStyleFrom(plain);
        euros.setDataFormat(formats.getFormat(SoldeWorkbook.EUROS));
        rate = wb.createCellStyle();
        rate.cloneStyleFrom(plain);
        rate.setDataFormat(formats.getFormat(SoldeWorkbook.RATE));
        target = wb.createCellStyle();
        target.cloneStyleFrom(plain);
        target.setDataFormat(formats.getFormat(SoldeWorkbook.TARGET));
        date = wb.createCellStyle();
        date.cloneStyleFrom(left);
        date.setDataFormat(formats.getFormat(SoldeWorkbook.DATE));
        dateTime = wb.createCellStyle();
        dateTime.cloneStyleFrom(left);
        dateTime.setDataFormat(formats.getFormat(SoldeWorkbook.DATE_TIME));
        green = filled(wb, bold, IndexedColors.LIGHT_GREEN);
        red = filled(wb, bold, IndexedColors.ROSE);
        grey = filled(wb, bold, IndexedColors.GREY_25_PERCENT);
    }

    private CellStyle filled(XSSFWorkbook wb, Font font, IndexedColors colour) {
        CellStyle style = wb.createCellStyle();
        style.cloneStyleFrom(plain);
        style.setFont(font);
        style.setFillForegroundColor(colour.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    CellStyle decision(SoldeDecision decision) {
        return decision == SoldeDecision.ATTEINTE ? green : red;
    }

    CellStyle attainment(Attainment attainment) {
        return switch (attainment) {
            case OUI -> green;
            case NON, NC -> red;
            case EXEMPTE -> grey;
        };
    }
}
