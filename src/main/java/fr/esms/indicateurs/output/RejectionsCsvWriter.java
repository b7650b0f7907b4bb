package fr.esms.indicateurs.output;

import fr.esms.indicateurs.ingest.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/** Writes {@code rejets/AAAA-MM.csv}: every rejected row, file or package of the run, in French. */
public final class RejectionsCsvWriter {

    public Path write(Path outputDir, YearMonth month, List<Rejection> rejections) throws IOException {
        return write(outputDir, month.toString(), rejections);
    }

    /** {@code rejets/<name>.csv}. */
    public Path write(Path outputDir, String name, List<Rejection> rejections) throws IOException {
        Path file = outputDir.resolve("rejets").resolve(name + ".csv");
        AtomicFiles.write(file, writer -> {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                    .setHeader("paquet", "fichier", "ligne", "colonne", "valeur", "motif").get().print(writer);
            for (Rejection r : rejections) {
                printer.printRecord(r.packageName(), r.file(), r.line(), r.column(), r.value(), r.reason());
            }
            printer.flush();
        });
        return file;
    }
}
