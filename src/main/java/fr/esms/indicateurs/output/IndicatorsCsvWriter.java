package fr.esms.indicateurs.output;

import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.store.ResultStore.StoredResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/** Writes {@code indicateurs/AAAA-MM.csv} exactly as the output contract says. */
public final class IndicatorsCsvWriter {

    static final String[] HEADER = {"finess", "mois", "fenetre_mois", "indicateur", "numerateur",
            "denominateur_brut", "ajustement", "denominateur", "taux", "cible", "atteinte", "manque"};

    public Path write(Path outputDir, YearMonth month, List<StoredResult> results) throws IOException {
        Path file = outputDir.resolve("indicateurs").resolve(month + ".csv");
        List<StoredResult> sorted = results.stream()
                .sorted(Comparator.comparing(StoredResult::finess)
                        .thenComparing(r -> r.result().indicator().name()))
                .toList();
        AtomicFiles.write(file, writer -> print(writer, sorted));
        return file;
    }

    private static void print(Writer writer, List<StoredResult> rows) throws IOException {
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                .setHeader(HEADER).get().print(writer);
        for (StoredResult row : rows) {
            IndicatorResult r = row.result();
            printer.printRecord(row.finess(), row.month(), row.windowMonths(), r.indicator().name(), r.numerator(),
                    text(r.rawDenominator()), r.adjustment(), text(r.denominator()), text(r.rate()),
                    text(r.target()), r.attainment() == null ? "" : r.attainment().name(), r.gap());
        }
        printer.flush();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
