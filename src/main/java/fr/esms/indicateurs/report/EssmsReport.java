package fr.esms.indicateurs.report;

import fr.esms.indicateurs.alerte.EssmsOutlook;
import fr.esms.indicateurs.rules.EssmsMeasure;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one ESSMS workbook shows: who the ESSMS is, the measure of the month, the past measures and the
 * quality of the data read. The history is sorted by month (then window); the current measure is added to it
 * when no point has its month and window.
 *
 * @param outlook      the early warning (an estimate), or null
 * @param closedNotice for a closed month, the sentence saying which revision is shown (and what newer data would
 *                     change); null otherwise
 */
public record EssmsReport(EssmsIdentity identity, EssmsMeasure measure, List<HistoryPoint> history,
                          DataQuality quality, EssmsOutlook outlook, String closedNotice) {

    /** No estimate, a month not closed. */
    public EssmsReport(EssmsIdentity identity, EssmsMeasure measure, List<HistoryPoint> history, DataQuality quality) {
        this(identity, measure, history, quality, null, null);
    }

    public EssmsReport(EssmsIdentity identity, EssmsMeasure measure, List<HistoryPoint> history, DataQuality quality,
                       EssmsOutlook outlook) {
        this(identity, measure, history, quality, outlook, null);
    }

    public EssmsReport {
        Objects.requireNonNull(identity, "identité de l'ESSMS absente");
        Objects.requireNonNull(measure, "mesure absente");
        if (!identity.finess().equals(measure.finess())) {
            throw new IllegalArgumentException("la mesure (FINESS " + measure.finess()
                    + ") ne correspond pas à l'ESSMS " + identity.finess());
        }
        List<HistoryPoint> points = new java.util.ArrayList<>(history == null ? List.of() : history);
        boolean hasCurrent = points.stream().anyMatch(p -> p.month().equals(measure.window().month())
                && p.windowMonths() == measure.window().months());
        if (!hasCurrent) {
            points.add(HistoryPoint.of(measure));
        }
        points.sort(Comparator.comparing(HistoryPoint::month).thenComparingInt(HistoryPoint::windowMonths));
        history = List.copyOf(points);
        quality = quality == null ? DataQuality.none() : quality;
    }
}
