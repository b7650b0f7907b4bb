package fr.esms.indicateurs.closing;

import fr.esms.indicateurs.output.AtomicFiles;
import fr.esms.indicateurs.output.IndicatorsCsvWriter;
import fr.esms.indicateurs.output.ClosingCsv;
import fr.esms.indicateurs.report.RegionalReport;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.solde.SoldeCsv;
import fr.esms.indicateurs.store.ClosedFigures;
import fr.esms.indicateurs.store.ClosingStore;
import fr.esms.indicateurs.store.ResultStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code cloturer}: freezes a (month, window) as the database shows it, as a new revision, after checking that the
 * month is complete. Writes {@code SORTIE/clotures/AAAA-MM_rN.csv}, its {@code .sha256}, and from the second
 * revision on the diff with the previous one.
 */
public final class MonthClosing {

    /** @param closedBy the OS user who closes */
    public record Request(MeasureWindow window, String comment, boolean despiteMissing, int lateDay, Path output,
                          String closedBy) {
    }

    /** What {@link #close} did. */
    public sealed interface Outcome permits Closed, Incomplete, NothingComputed {
    }

    /** A new revision, with its files and the changes since the previous one (empty for the first). */
    public record Closed(Closing closing, Completeness completeness, Path csv, Path diff,
                         List<RevisionChange> changes) implements Outcome {
    }

    /** Not closed: ESSMS without data or with late data, and {@code --malgre-manquants} was not given. */
    public record Incomplete(Completeness completeness) implements Outcome {
    }

    /** Not closed: nothing is computed for the window. */
    public record NothingComputed(MeasureWindow window) implements Outcome {
    }

    private final ClosingStore store;
    private final ClosedFigures figures;
    private final ResultStore results;
    private final TransactionTemplate tx;
    private final Clock clock;

    public MonthClosing(ClosingStore store, ClosedFigures figures, ResultStore results, TransactionTemplate tx,
                        Clock clock) {
        this.store = store;
        this.figures = figures;
        this.results = results;
        this.tx = tx;
        this.clock = clock;
    }

    public Completeness completeness(MeasureWindow window, int lateDay) {
        var deadline = RegionalReport.deadline(window.month(), lateDay);
        return new Completeness(deadline, figures.withoutData(window), figures.arrivedLate(window, deadline));
    }

    public Outcome close(Request request) {
        MeasureWindow window = request.window();
        if (!results.anyOfMonth(window.month(), window.months())) {
            return new NothingComputed(window);
        }
        Completeness completeness = completeness(window, request.lateDay());
        if (!completeness.complete() && !request.despiteMissing()) {
            return new Incomplete(completeness);
        }
        return tx.execute(status -> {
            int revision = store.nextRevision(window);
            store.copyLive(window, revision);
            String[] rules = store.rulesOf(window, revision);
            Set<String> essms = new HashSet<>();
            List<String[]> rulesLines = new ArrayList<>();
            int[] rows = {0};
            byte[] csv = ClosingCsv.revision(revision, each -> figures.forEachResult(window, revision, row -> {
                if (essms.add(row.finess())) {
                    rulesLines.add(IndicatorsCsvWriter.rulesLine(row));
                }
                rows[0]++;
                each.accept(row);
            }));
            String name = Closing.fileName(window, revision);
            String sha256 = SoldeCsv.sha256(csv);
            Path folder = request.output().resolve("clotures");
            List<RevisionChange> changes = List.of();
            Path diff = null;
            try {
                if (revision > 1) {
                    changes = RevisionDiff.between(figures.side(window, revision - 1), figures.side(window, revision),
                            figures.packages(window, revision));
                    diff = folder.resolve(Closing.diffFileName(window, revision));
                    AtomicFiles.write(diff, ClosingCsv.diff(changes));
                }
                AtomicFiles.write(folder.resolve(name), csv);
                // Beside the revision, as beside indicateurs/: the rules version and fingerprint of each ESSMS.
                AtomicFiles.write(folder.resolve(name.replaceFirst("\\.csv$", ".regles.csv")),
                        IndicatorsCsvWriter.rulesCsv(rulesLines));
                AtomicFiles.write(folder.resolve(name.replaceFirst("\\.csv$", ".sha256")),
                        SoldeCsv.checksumFile(sha256, name));
            } catch (IOException e) {
                throw new UncheckedIOException("écriture impossible dans " + folder + " : " + e.getMessage(), e);
            }
            Closing closing = new Closing(window, revision, request.closedBy(),
                    LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), blankToNull(request.comment()),
                    rules[0], rules[1], !completeness.complete(), completeness.noData(),
                    completeness.late(), essms.size(), rows[0], name, sha256);
            store.insert(closing);
            return new Closed(closing, completeness, folder.resolve(name), diff, changes);
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
