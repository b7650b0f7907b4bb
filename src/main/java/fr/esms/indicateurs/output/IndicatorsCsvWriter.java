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

/**
 * Writes {@code indicateurs/AAAA-MM.csv} exactly as the output contract says, and beside it
 * {@code indicateurs/AAAA-MM.regles.csv}: for each ESSMS, the rules version and the SHA-256 of the rules files its
 * figures were computed with ({@code finess;version_regles;empreinte_regles}, same order). The contract's columns
 * are fixed, so the rules go in their own file.
 */
public final class IndicatorsCsvWriter {

    static final String[] HEADER = {"finess", "mois", "fenetre_mois", "indicateur", "numerateur",
            "denominateur_brut", "ajustement", "denominateur", "taux", "cible", "atteinte", "manque"};

    static final String[] RULES_HEADER = {"finess", "version_regles", "empreinte_regles"};

    /**
     * Writes the results {@code source} gives in FINESS order (the rows of one FINESS together), holding one
     * FINESS at a time: the indicators of each FINESS are sorted by name here, whatever the database's collation.
     */
    public Path write(Path outputDir, YearMonth month, Consumer<Consumer<StoredResult>> source) throws IOException {
        Path file = outputDir.resolve("indicateurs").resolve(month + ".csv");
        List<String[]> rules = new ArrayList<>();
        AtomicFiles.write(file, writer -> print(writer, source, rules));
        AtomicFiles.write(rulesFile(outputDir, month), rulesCsv(rules));
        return file;
    }

    /** The rules side file's content: {@code finess;version_regles;empreinte_regles}, one line per ESSMS. */
    public static byte[] rulesCsv(List<String[]> rows) throws IOException {
        java.io.StringWriter writer = new java.io.StringWriter();
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                .setHeader(RULES_HEADER).get().print(writer);
        for (String[] row : rows) {
            printer.printRecord((Object[]) row);
        }
        printer.flush();
        return writer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One line of the rules side file. */
    public static String[] rulesLine(StoredResult row) {
        return new String[]{row.finess(), text(row.rulesVersion()), text(row.rulesFingerprint())};
    }

    /** {@code indicateurs/AAAA-MM.regles.csv}. */
    public static Path rulesFile(Path outputDir, YearMonth month) {
        return outputDir.resolve("indicateurs").resolve(month + ".regles.csv");
    }

    private static void print(Writer writer, Consumer<Consumer<StoredResult>> source, List<String[]> rules)
            throws IOException {
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
                    printEssms(printer, essms, rules);
                }
                essms.add(row);
            });
            printEssms(printer, essms, rules);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    /** The indicators of one ESSMS, by name; then forgets them. */
    private static void printEssms(CSVPrinter printer, List<StoredResult> rows, List<String[]> rules) {
        if (!rows.isEmpty()) {
            StoredResult first = rows.get(0);
            rules.add(rulesLine(first));
        }
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
