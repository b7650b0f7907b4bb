package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.closing.Closing;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ClosingStore;
import fr.esms.indicateurs.store.ReportQueries;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The closed revisions a solde reads its figures from. A closing is per (month, window): the DUI indicators come
 * from the closing of (month, DUI window), MSS and DMP from the closing of (month, MSS and DMP window), the same
 * closing when both windows have the same length. {@code --revision N} asks revision N of each; without it, the
 * latest. A window never closed is computed from the stored data, as before (provisional figures).
 */
public final class ClosedFinalWindows {

    /** The measures of a closed revision for the ESSMS of a project, and whether data fed each. */
    public record ClosedMeasures(Closing closing, Map<String, EssmsMeasure> measures, Map<String, Boolean> withData) {
    }

    private final ClosingStore store;
    private final ReportQueries queries;

    public ClosedFinalWindows(ClosingStore store, ReportQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /**
     * The closed measures of the window, or empty when it was never closed.
     *
     * @param revision the revision asked, or null for the latest
     * @throws SoldeRefusal when the revision asked does not exist while the window is closed
     */
    public Optional<ClosedMeasures> of(MeasureWindow window, Integer revision, List<String> finess,
                                       Map<String, String> categories) {
        Optional<Closing> latest = store.latest(window);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Closing closing = revision == null ? latest.get() : store.find(window, revision).orElseThrow(() ->
                new SoldeRefusal("révision " + revision + " inexistante pour " + window.month() + " (fenêtre de "
                        + window.months() + " mois) : révisions clôturées de 1 à " + latest.get().revision()
                        + " (voir historique --clotures)"));
        ReportQueries closed = queries.forRevision(closing.revision());
        return Optional.of(new ClosedMeasures(closing, closed.measures(finess, categories, window),
                closed.withData(finess, window)));
    }

    static Map<String, String> categories(List<fr.esms.indicateurs.referential.Essms> essms) {
        return essms.stream().collect(Collectors.toMap(fr.esms.indicateurs.referential.Essms::finess,
                fr.esms.indicateurs.referential.Essms::categorie, (a, b) -> a));
    }
}
