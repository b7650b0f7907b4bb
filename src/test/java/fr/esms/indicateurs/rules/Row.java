package fr.esms.indicateurs.rules;

/**
 * One row of the output contract ({@code indicateurs/AAAA-MM.csv}) as users read it: the figures of an
 * {@link IndicatorResult} with its displayed rate. Comparing whole rows makes a failure show every column.
 */
record Row(Indicator indicateur, long numerateur, Long denominateurBrut, long ajustement, Long denominateur,
           String taux, Integer cible, Attainment atteinte, long manque) {

    static Row of(IndicatorResult result) {
        return new Row(result.indicator(), result.numerator(), result.rawDenominator(), result.adjustment(),
                result.denominator(), result.rate(), result.target(), result.attainment(), result.gap());
    }

    static Row of(EssmsMeasure measure, Indicator indicator) {
        return of(measure.result(indicator));
    }

    /** A row of one of the five indicators with a target ({@code cible} null when exempted). */
    static Row rated(Indicator indicator, long numerator, long rawDenominator, long adjustment, long denominator,
                     String rate, Integer target, Attainment attainment, long gap) {
        return new Row(indicator, numerator, rawDenominator, adjustment, denominator, rate, target, attainment,
                gap);
    }

    /** A row of a counter: no denominator, rate, target nor attainment; adjustment and gap 0. */
    static Row counter(Indicator indicator, long count) {
        return new Row(indicator, count, null, 0, null, null, null, null, 0);
    }
}
