package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import static fr.esms.indicateurs.rules.Indicator.EPARCOURS;
import static fr.esms.indicateurs.rules.Indicator.EPRESCRIPTION;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md: EPRESCRIPTION and EPARCOURS are counters of the window with no target (format-pivot.md:
 * empty denominators, rate, target and attainment; adjustment and gap 0).
 */
class CountersTest {

    @Test
    void countsDistinctIdsInsideTheWindowOnly() {
        EssmsMeasure m = scenario()
                .accompaniedPersons("P", 3)
                .ePrescription("RX1", "2026-03-01")
                .ePrescription("RX2", "2026-03-31")
                .ePrescription("RX1", "2026-03-01")   // same id: once
                .ePrescription("RX3", "2026-02-28")   // day before
                .ePrescription("RX4", "2026-04-01")   // day after
                .eParcours("X1", "2026-03-15")
                .eParcours("X2", "2026-01-15")        // outside a one-month window
                .measure();

        assertThat(Row.of(m, EPRESCRIPTION)).isEqualTo(Row.counter(EPRESCRIPTION, 2));
        assertThat(Row.of(m, EPARCOURS)).isEqualTo(Row.counter(EPARCOURS, 1));
    }

    @Test
    void threeMonthWindowCountsItsThreeMonths() {
        EssmsMeasure m = scenario().window("2026-03", 3)
                .eParcours("X1", "2026-03-15")
                .eParcours("X2", "2026-01-15")
                .eParcours("X3", "2025-12-31")
                .measure();

        // 2026-01-01..2026-03-31: X1 and X2
        assertThat(Row.of(m, EPARCOURS)).isEqualTo(Row.counter(EPARCOURS, 2));
    }

    @Test
    void countersAreShownAtZeroWithoutAnyData() {
        EssmsMeasure m = scenario().measure();

        assertThat(Row.of(m, EPRESCRIPTION)).isEqualTo(Row.counter(EPRESCRIPTION, 0));
        assertThat(Row.of(m, EPARCOURS)).isEqualTo(Row.counter(EPARCOURS, 0));
    }

    @Test
    void countersDoNotNeedAnyPersonAccompanied() {
        EssmsMeasure m = scenario().ePrescription("RX1", "2026-03-10").measure();

        assertThat(Row.of(m, EPRESCRIPTION)).isEqualTo(Row.counter(EPRESCRIPTION, 1));
    }
}
