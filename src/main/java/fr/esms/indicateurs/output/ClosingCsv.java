package fr.esms.indicateurs.output;

import fr.esms.indicateurs.closing.ClosedPackage;
import fr.esms.indicateurs.closing.RevisionChange;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.store.ResultStore.StoredResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The files of a closing under {@code SORTIE/clotures/}: a revision's figures (the output contract plus a
 * {@code revision} column) and the diff between two consecutive revisions. UTF-8 without BOM, {@code ;}, LF: the
 * same rows always give the same bytes, whose SHA-256 the closing keeps.
 */
public final class ClosingCsv {

    public static final String[] REVISION_HEADER = header();
    public static final String[] DIFF_HEADER = {"finess", "indicateur", "atteinte_modifiee", "numerateur_avant",
            "numerateur_apres", "denominateur_avant", "denominateur_apres", "taux_avant", "taux_apres",
            "atteinte_avant", "atteinte_apres", "paquet", "editeur", "date_extraction", "sha256"};

    private ClosingCsv() {
    }

    private static String[] header() {
        String[] header = Arrays.copyOf(IndicatorsCsvWriter.HEADER, IndicatorsCsvWriter.HEADER.length + 1);
        header[header.length - 1] = "revision";
        return header;
    }

    /** The rows {@code source} gives in FINESS order; the indicators of each FINESS sorted by name here. */
    public static byte[] revision(int revision, Consumer<Consumer<StoredResult>> source) {
        return render(REVISION_HEADER, printer -> {
            List<StoredResult> essms = new ArrayList<>();
            source.accept(row -> {
                if (!essms.isEmpty() && !essms.get(0).finess().equals(row.finess())) {
                    printEssms(printer, essms, revision);
                }
                essms.add(row);
            });
            printEssms(printer, essms, revision);
        });
    }

    /** One line per change and package that caused it; a change no package explains has empty package columns. */
    public static byte[] diff(List<RevisionChange> changes) {
        return render(DIFF_HEADER, printer -> {
            for (RevisionChange c : changes) {
                List<ClosedPackage> causes = c.causes().isEmpty() ? java.util.Collections.singletonList(null)
                        : c.causes();
                for (ClosedPackage p : causes) {
                    print(printer, c.finess(), c.indicator().name(), c.attainmentFlips() ? "OUI" : "NON",
                            c.before() == null ? "" : c.before().numerator(),
                            c.after() == null ? "" : c.after().numerator(), denominator(c.before()),
                            denominator(c.after()), rate(c.before()), rate(c.after()), attainment(c.before()),
                            attainment(c.after()), p == null ? "" : p.name(), p == null ? "" : text(p.editor()),
                            p == null ? "" : text(p.extractionDate()), p == null ? "" : p.sha256());
                }
            }
        });
    }

    private static void printEssms(CSVPrinter printer, List<StoredResult> rows, int revision) {
        rows.sort(Comparator.comparing(r -> r.result().indicator().name()));
        for (StoredResult row : rows) {
            IndicatorResult r = row.result();
            print(printer, row.finess(), row.month(), row.windowMonths(), r.indicator().name(), r.numerator(),
                    text(r.rawDenominator()), r.adjustment(), text(r.denominator()), text(r.rate()), text(r.target()),
                    r.attainment() == null ? "" : r.attainment().name(), r.gap(), revision);
        }
        rows.clear();
    }

    private static String denominator(IndicatorResult r) {
        return r == null ? "" : text(r.denominator());
    }

    private static String rate(IndicatorResult r) {
        return r == null ? "" : text(r.rate());
    }

    private static String attainment(IndicatorResult r) {
        return r == null || r.attainment() == null ? "" : r.attainment().name();
    }

    private static void print(CSVPrinter printer, Object... values) {
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] render(String[] header, Consumer<CSVPrinter> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                .setHeader(header).get().print(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            rows.accept(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
