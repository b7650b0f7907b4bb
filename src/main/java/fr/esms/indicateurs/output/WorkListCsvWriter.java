package fr.esms.indicateurs.output;

import fr.esms.indicateurs.report.EssmsIdentity;
import fr.esms.indicateurs.report.WorkListText;
import fr.esms.indicateurs.report.WorkListWorkbookWriter;
import fr.esms.indicateurs.rules.MissingPerson;
import fr.esms.indicateurs.rules.WorkList;
import fr.esms.indicateurs.rules.WorkListSection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The work list of one ESSMS as CSV, {@code listes/<projet_id>/<finess>_<AAAA-MM>.csv} (UTF-8, {@code ;}), for an
 * ESSMS that wants to sort it or match it against its DUI: one line per person listed, quickest wins first; for
 * a missed target that names nobody (MSS, aggregates) one line without identifiers saying so. {@code manque} is
 * the indicator's gap, how many of its lines closing it needs; {@code amenagement_declare} how many of them a
 * declared adjustment already removed from the denominator without naming them.
 */
public final class WorkListCsvWriter {

    static final String[] HEADER = {"finess", "mois", "fenetre_mois", "indicateur", "manque", "amenagement_declare",
            "rang", "usager_id", "dossier_id", "code_motif", "motif", "date"};

    public Path write(EssmsIdentity identity, WorkList list, Path outputDir) throws IOException {
        Path file = WorkListWorkbookWriter.target(outputDir, identity, list.measure().window().month(), "csv");
        AtomicFiles.write(file, writer -> {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                    .setHeader(HEADER).get().print(writer);
            String finess = list.measure().finess();
            String month = list.measure().window().month().toString();
            int months = list.measure().window().months();
            for (WorkListSection s : list.sections()) {
                String indicator = s.indicator().name();
                if (!s.nominative()) {
                    printer.printRecord(finess, month, months, indicator, s.result().gap(), 0, "", "", "", "",
                            WorkListText.summary(s, list.fromRecords()), "");
                    continue;
                }
                int rank = 0;
                for (MissingPerson p : s.persons()) {
                    printer.printRecord(finess, month, months, indicator, s.result().gap(),
                            s.coveredByDeclaredAdjustment(), ++rank, p.personId(),
                            p.recordId() == null ? "" : p.recordId(), p.reason().name(), WorkListText.reason(p),
                            WorkListText.isoDate(p));
                }
            }
            printer.flush();
        });
        return file;
    }
}
