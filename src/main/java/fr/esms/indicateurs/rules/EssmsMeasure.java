package fr.esms.indicateurs.rules;

import java.util.List;

/** Everything the rules say of one ESSMS over one window. */
public record EssmsMeasure(
        String finess,
        MeasureWindow window,
        String rulesVersion,
        Sector sector,
        List<IndicatorResult> results,
        List<AppliedAdjustment> applied,
        List<RefusedAdjustment> refused,
        List<String> warnings) {

    public EssmsMeasure {
        results = List.copyOf(results);
        applied = List.copyOf(applied);
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
    }

    /** The same measure with one more data-quality warning. */
    public EssmsMeasure withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new EssmsMeasure(finess, window, rulesVersion, sector, results, applied, refused, more);
    }

    /** The same measure without its adjustments and warnings: the figures a summary line shows. */
    public EssmsMeasure figuresOnly() {
        return new EssmsMeasure(finess, window, rulesVersion, sector, results, List.of(), List.of(), List.of());
    }

    public IndicatorResult result(Indicator indicator) {
        return results.stream().filter(r -> r.indicator() == indicator).findFirst().orElseThrow();
    }

    /** True when every target the ESSMS is held to is reached (a not computable indicator is not reached). */
    public boolean reachesAllTargets() {
        return results.stream()
                .filter(r -> r.indicator().isRated() && r.attainment() != Attainment.EXEMPTE)
                .allMatch(IndicatorResult::isReached);
    }
}
