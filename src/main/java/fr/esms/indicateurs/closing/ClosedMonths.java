package fr.esms.indicateurs.closing;

import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ClosedFigures;
import fr.esms.indicateurs.store.ClosingStore;
import fr.esms.indicateurs.store.ResultStore;
import fr.esms.indicateurs.store.ResultStore.StoredResult;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the outputs of a (month, window) show: the latest closed revision when the month is closed, never the live
 * recomputation (which is still stored, to say how many ESSMS newer data would change); the live results otherwise.
 */
public final class ClosedMonths {

    private final ClosingStore store;
    private final ClosedFigures figures;
    private final ResultStore results;

    public ClosedMonths(ClosingStore store, ClosedFigures figures, ResultStore results) {
        this.store = store;
        this.figures = figures;
        this.results = results;
    }

    /** The closed state of the window, or empty when it was never closed. */
    public Optional<ClosedMonth> of(MeasureWindow window) {
        return store.latest(window).map(closing -> {
            int revision = closing.revision();
            RevisionDiff.Side closed = figures.side(window, revision);
            List<RevisionChange> live = RevisionDiff.between(closed, figures.liveSide(window), List.of());
            List<RevisionChange> changes = revision == 1 ? List.of()
                    : RevisionDiff.between(figures.side(window, revision - 1), closed,
                    figures.packages(window, revision));
            return new ClosedMonth(closing, RevisionDiff.essmsCount(live), changes);
        });
    }

    /** The rows {@code indicateurs/AAAA-MM.csv} shows for the window, in FINESS order. */
    public void forEachShown(MeasureWindow window, Optional<ClosedMonth> closed, Consumer<StoredResult> each) {
        if (closed.isPresent()) {
            figures.forEachResult(window, closed.get().revision(), each);
        } else {
            results.forEachOfMonth(window.month(), window.months(), each);
        }
    }
}
