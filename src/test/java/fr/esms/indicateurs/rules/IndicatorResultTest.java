package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, "Exactness": a rate is numerator / denominator x 100, displayed rounded half-up to one
 * decimal with a {@code .}; a zero denominator is not computable (no rate).
 */
class IndicatorResultTest {

    private static IndicatorResult rated(long numerator, long denominator) {
        return new IndicatorResult(Indicator.DOSSIERS_ACTIFS, numerator, denominator, 0, denominator, 90,
                Attainment.NON, 0);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            // numerator, denominator, displayed rate   (exact value, by hand)
            "2,    3,     66.7",   // 66.666...
            "1,    3,     33.3",   // 33.333...
            "1,    6,     16.7",   // 16.666...
            "1,    7,     14.3",   // 14.2857...
            "1,    8,     12.5",   // 12.5 exactly
            "1,    16,    6.3",    // 6.25: half-up (half-even would give 6.2)
            "1,    80,    1.3",    // 1.25: half-up
            "3,    80,    3.8",    // 3.75
            "9,    10,    90.0",   // 90 exactly
            "1799, 2000,  90.0",   // 89.95 rounds up to 90.0 although below 90 %
            "1399, 2000,  70.0",   // 69.95
            "1,    2000,  0.1",    // 0.05
            "1,    3000,  0.0",    // 0.0333...
            "0,    5,     0.0",
            "1,    1,     100.0",
            "999,  1000,  99.9",
            "19999, 20000, 100.0", // 99.995
            "37,   20,    185.0",  // MSS above 100 %: never capped
            "2,    1,     200.0"})
    void rateIsRoundedHalfUpToOneDecimal(long numerator, long denominator, String displayed) {
        assertThat(rated(numerator, denominator).rate()).isEqualTo(displayed);
    }

    @Test
    void rateTenthsAreExactIntegers() {
        // 1/16 = 6.25 % = 62.5 tenths -> 63
        assertThat(rated(1, 16).rateTenths()).isEqualTo(63L);
        // 1799/2000 = 899.5 tenths -> 900
        assertThat(rated(1799, 2000).rateTenths()).isEqualTo(900L);
    }

    @Test
    void zeroDenominatorHasNoRate() {
        IndicatorResult nc = new IndicatorResult(Indicator.AGENDA, 0, 0L, 0, 0L, 90, Attainment.NC, 0);
        assertThat(nc.rate()).isNull();
        assertThat(nc.rateTenths()).isNull();
        assertThat(nc.isReached()).isFalse();
    }

    @Test
    void zeroDenominatorAfterAdjustmentHasNoRateEvenWithANumerator() {
        IndicatorResult nc = new IndicatorResult(Indicator.MSS, 4, 2L, 2, 0L, 70, Attainment.NC, 0);
        assertThat(nc.rate()).isNull();
    }

    @Test
    void counterHasNoRate() {
        IndicatorResult counter = new IndicatorResult(Indicator.EPRESCRIPTION, 12, null, 0, null, null, null, 0);
        assertThat(counter.rate()).isNull();
        assertThat(counter.isReached()).isFalse();
    }

    @Test
    void onlyOuiIsReached() {
        assertThat(new IndicatorResult(Indicator.DMP, 7, 10L, 0, 10L, 70, Attainment.OUI, 0).isReached()).isTrue();
        assertThat(new IndicatorResult(Indicator.DMP, 7, 10L, 0, 10L, null, Attainment.EXEMPTE, 0).isReached())
                .isFalse();
    }
}
