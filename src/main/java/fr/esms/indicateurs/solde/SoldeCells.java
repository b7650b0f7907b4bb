package fr.esms.indicateurs.solde;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The cells of the solde workbook's sheets: rows one after the other, labelled pairs, typed cells. */
final class SoldeCells {

    private SoldeCells() {
    }

    static void pair(Rows rows, SoldeStyles s, String label, String value) {
        Row row = rows.next();
        label(row, s, label);
        text(row, 1, value == null ? "" : value, s.plain);
    }

    static void pair(Rows rows, SoldeStyles s, String label, long value) {
        Row row = rows.next();
        label(row, s, label);
        number(row, 1, value, s.left);
    }

    static void datePair(Rows rows, SoldeStyles s, String label, LocalDate value) {
        Row row = rows.next();
        label(row, s, label);
        date(row, 1, value, s.date);
    }

    static void euros(Rows rows, SoldeStyles s, String label, long value) {
        Row row = rows.next();
        label(row, s, label);
        number(row, 1, value, s.euros);
    }

    /** Creates rows one after the other. */
    static final class Rows {
        private final Sheet sheet;
        private int next;

        Rows(Sheet sheet) {
            this.sheet = sheet;
        }

        Row next() {
            return sheet.createRow(next++);
        }

        void skip() {
            next++;
        }

        int last() {
            return next - 1;
        }
    }

    static void header(Row row, SoldeStyles s, String... titles) {
        for (int c = 0; c < titles.length; c++) {
            text(row, c, titles[c], s.header);
        }
    }

    static void label(Row row, SoldeStyles s, String label) {
        text(row, 0, label, s.label);
    }

    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    static void number(Row row, int column, Number value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    static void date(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    static void dateTime(Row row, int column, LocalDateTime value, SoldeStyles s) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.withNano(0));
        }
        cell.setCellStyle(s.dateTime);
    }
}
