package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One past measure of an ESSMS, for the Historique sheet: an indicator missing from {@code results} is blank. */
public record HistoryPoint(YearMonth month, int windowMonths, Map<Indicator, IndicatorResult> results) {

    public HistoryPoint {
        Objects.requireNonNull(month, "mois de l'historique absent");
        results = results == null || results.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(results));
    }

    public static HistoryPoint of(EssmsMeasure measure) {
        Map<Indicator, IndicatorResult> results = new EnumMap<>(Indicator.class);
        measure.results().forEach(r -> results.put(r.indicator(), r));
        return new HistoryPoint(measure.window().month(), measure.window().months(), results);
    }

    public IndicatorResult result(Indicator indicator) {
        return results.get(indicator);
    }
}
