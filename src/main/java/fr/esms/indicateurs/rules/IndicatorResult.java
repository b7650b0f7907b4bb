package fr.esms.indicateurs.rules;

/**
 * One row of the output contract for one ESSMS, window and indicator. Denominators, target and attainment are
 * null for the counters; the target is null when exempted.
 */
public record IndicatorResult(
        Indicator indicator,
        long numerator,
        Long rawDenominator,
        long adjustment,
        Long denominator,
        Integer target,
        Attainment attainment,
        long gap) {

    /** The rate in tenths of a percent, rounded half-up, or null when not computable or a counter. */
    public Long rateTenths() {
        if (denominator == null || denominator == 0) {
            return null;
        }
        // round(numerator * 1000 / denominator) half-up, on exact integers
        return (numerator * 2000 + denominator) / (2 * denominator);
    }

    /** The rate as the output contract writes it ({@code 92.5}), or null. */
    public String rate() {
        Long tenths = rateTenths();
        return tenths == null ? null : (tenths / 10) + "." + (tenths % 10);
    }

    public boolean isReached() {
        return attainment == Attainment.OUI;
    }
}
