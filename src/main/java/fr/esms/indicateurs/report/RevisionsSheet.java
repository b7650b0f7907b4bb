package fr.esms.indicateurs.report;

import fr.esms.indicateurs.closing.ClosedMonth;
import fr.esms.indicateurs.closing.ClosedPackage;
import fr.esms.indicateurs.closing.RevisionChange;
import fr.esms.indicateurs.rules.IndicatorResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Révisions sheet of a closed month's regional workbook: every ESSMS and indicator whose numerator,
 * denominator, rate or attainment the shown revision changed from the previous one, with the packages that
 * caused it; attainment flips first.
 */
final class RevisionsSheet {

    private RevisionsSheet() {
    }

    static void write(SXSSFWorkbook workbook, Styles st, RegionalReport report, List<RegionalRow> rows) {
        ClosedMonth closed = report.closed();
        Sheet sheet = workbook.createSheet(RegionalWorkbookWriter.REVISIONS);
        SheetBuilder b = new SheetBuilder(sheet, st);
        int revision = closed.revision();
        b.overflowText(b.row(), 0, "Révisions — mesure de " + FrenchText.month(report.month()) + ", fenêtre de "
                + FrenchText.window(report.month(), report.windowMonths()), st.title);
        b.overflowText(b.row(), 0, closed.notice(), st.note);
        if (revision == 1) {
            b.overflowText(b.row(), 0, "Révision 1 : première clôture du mois, aucun changement à montrer.", st.note);
            b.finish(null);
            return;
        }
        long flips = closed.changes().stream().filter(RevisionChange::attainmentFlips).count();
        b.overflowText(b.row(), 0, "Révision " + revision + " : " + FrenchText.integer(closed.changes().size())
                + " ligne(s) modifiée(s) depuis la révision " + (revision - 1) + ", dont " + FrenchText.integer(flips)
                + " changement(s) d'atteinte (listés d'abord). Cause : les paquets reçus depuis la révision "
                + (revision - 1) + " qui alimentent l'ESSMS.", st.note);
        b.skip(1);
        int header = b.nextRow();
        b.headerRow("FINESS", "Raison sociale", "Indicateur", "Atteinte modifiée", "Numérateur avant",
                "Numérateur après", "Dénominateur avant", "Dénominateur après", "Taux avant", "Taux après",
                "Atteinte avant", "Atteinte après", "Paquet", "Éditeur", "Date d'extraction", "SHA-256");
        Map<String, String> names = rows.stream().collect(Collectors.toMap(r -> r.identity().finess(),
                r -> FrenchText.orEmpty(r.identity().raisonSociale()), (a, c) -> a));
        for (RevisionChange c : closed.changes()) {
            List<ClosedPackage> causes = c.causes().isEmpty() ? Collections.singletonList(null) : c.causes();
            for (ClosedPackage p : causes) {
                Row row = b.row();
                b.text(row, 0, c.finess());
                b.text(row, 1, names.getOrDefault(c.finess(), ""));
                b.text(row, 2, FrenchText.indicator(c.indicator()));
                b.text(row, 3, c.attainmentFlips() ? "Oui" : "Non", c.attainmentFlips() ? st.textBold : st.text);
                b.integer(row, 4, value(c.before(), IndicatorResult::numerator), st.integer);
                b.integer(row, 5, value(c.after(), IndicatorResult::numerator), st.integer);
                b.integer(row, 6, value(c.before(), IndicatorResult::denominator), st.integer);
                b.integer(row, 7, value(c.after(), IndicatorResult::denominator), st.integer);
                b.fraction(row, 8, rate(c.before()), st.rate);
                b.fraction(row, 9, rate(c.after()), st.rate);
                b.text(row, 10, attainment(c.before()));
                b.text(row, 11, attainment(c.after()));
                b.text(row, 12, p == null ? "" : p.name());
                b.text(row, 13, p == null ? "" : FrenchText.orEmpty(p.editor()));
                b.date(row, 14, p == null ? null : p.extractionDate());
                b.text(row, 15, p == null ? "" : p.sha256());
            }
        }
        if (closed.changes().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucune ligne ne change depuis la révision " + (revision - 1) + ".", st.note);
        }
        int last = Math.max(header, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(header, last, 0, 15));
        sheet.createFreezePane(3, header + 1);
        b.finish(header);
    }

    private static Long value(IndicatorResult r, Function<IndicatorResult, Long> field) {
        return r == null ? null : field.apply(r);
    }

    private static Double rate(IndicatorResult r) {
        return r == null || r.rateTenths() == null ? null : r.rateTenths() / 1000.0;
    }

    private static String attainment(IndicatorResult r) {
        return r == null || r.attainment() == null ? "" : r.attainment().name();
    }
}
