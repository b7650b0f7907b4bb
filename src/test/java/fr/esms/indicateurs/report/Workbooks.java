package fr.esms.indicateurs.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading back what the writers wrote. */
final class Workbooks {

    private Workbooks() {
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The first row whose cell {@code col} is the string {@code text}, from row {@code from}. */
    static Row rowWith(Sheet sheet, int col, String text, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && text.equals(string(row.getCell(col)))) {
                return row;
            }
        }
        throw new AssertionError("no row with '" + text + "' in column " + col + " of " + sheet.getSheetName());
    }

    static Row rowWith(Sheet sheet, String text) {
        return rowWith(sheet, 0, text, 0);
    }

    /** Index of the header cell named {@code header} in {@code row}. */
    static int column(Row row, String header) {
        for (Cell cell : row) {
            if (header.equals(string(cell))) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no header '" + header + "'");
    }

    static String string(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
    }

    /** The fill colour {@code RRGGBB}, or null when the cell has none. */
    static String fill(Cell cell) {
        XSSFColor colour = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor();
        return colour == null ? null : colour.getARGBHex().substring(2);
    }

    static String format(Cell cell) {
        return cell.getCellStyle().getDataFormatString();
    }

    /** The data rows after a header row, up to the first empty row. */
    static List<Row> rowsAfter(Sheet sheet, int headerRow) {
        List<Row> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(0) == null || row.getCell(0).getCellType() == CellType.BLANK) {
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every cell of the workbook of type FORMULA (there must be none). */
    static List<String> formulaCells(XSSFWorkbook workbook) {
        List<String> found = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        found.add(sheet.getSheetName() + "!" + cell.getAddress());
                    }
                }
            }
        }
        return found;
    }
}
