package fr.esms.indicateurs.output;

import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.store.ResultStore.StoredResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Writes {@code indicateurs/AAAA-MM.csv} exactly as the output contract says. */
public final class IndicatorsCsvWriter {

    static final String[] HEADER = {"finess", "mois", "fenetre_mois", "indicateur", "numerateur",
            "denominateur_brut", "ajustement", "denominateur", "taux", "cible", "atteinte", "manque"};

    /**
     * Writes the results {@code source} gives in FINESS order (the rows of one FINESS together), holding one
     * FINESS at a time: the indicators of each FINESS are sorted by name here, whatever the database's collation.
     */
    public Path write(Path outputDir, YearMonth month, Consumer<Consumer<StoredResult>> source) throws IOException {
        Path file = outputDir.resolve("indicateurs").resolve(month + ".csv");
        AtomicFiles.write(file, writer -> print(writer, source));
        return file;
    }

    private static void print(Writer writer, Consumer<Consumer<StoredResult>> source) throws IOException {
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                .setHeader(HEADER).get().print(writer);
        List<StoredResult> essms = new ArrayList<>();
        try {
            source.accept(row -> {
                if (!essms.isEmpty() && !essms.get(0).finess().equals(row.finess())) {
                    if (essms.get(0).finess().compareTo(row.finess()) > 0) {
                        throw new IllegalStateException("résultats hors de l'ordre des FINESS ("
                                + essms.get(0).finess() + " puis " + row.finess() + ")");
                    }
                    printEssms(printer, essms);
                }
                essms.add(row);
            });
            printEssms(printer, essms);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    /** The indicators of one ESSMS, by name; then forgets them. */
    private static void printEssms(CSVPrinter printer, List<StoredResult> rows) {
        rows.sort(Comparator.comparing(r -> r.result().indicator().name()));
        try {
            for (StoredResult row : rows) {
                IndicatorResult r = row.result();
                printer.printRecord(row.finess(), row.month(), row.windowMonths(), r.indicator().name(),
                        r.numerator(), text(r.rawDenominator()), r.adjustment(), text(r.denominator()),
                        text(r.rate()), text(r.target()), r.attainment() == null ? "" : r.attainment().name(),
                        r.gap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.clear();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
