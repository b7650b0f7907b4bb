package fr.esms.indicateurs.output;

import fr.esms.indicateurs.store.KeptRows;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes what the store keeps for one ESSMS ({@link KeptRows}): one {@code ;}-separated UTF-8 file per table. */
public final class KeptRowsCsvWriter {

    /** @return the folder written: {@code folder/FINESS/} */
    public Path write(Path folder, String finess, List<KeptRows.Table> tables) throws IOException {
        Path target = folder.resolve(finess);
        for (KeptRows.Table table : tables) {
            AtomicFiles.write(target.resolve(table.file()), writer -> {
                CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                        .setHeader(table.columns().toArray(String[]::new)).get().print(writer);
                for (List<String> row : table.rows()) {
                    printer.printRecord(row);
                }
                printer.flush();
            });
        }
        return target;
    }
}
