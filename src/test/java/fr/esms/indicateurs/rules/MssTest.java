package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import static fr.esms.indicateurs.rules.Attainment.NC;
import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.Attainment.OUI;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, MSS: messages (distinct {@code message_id}) dated inside the window over persons accompanied;
 * it counts messages, not persons, and is never capped. Window 2026-03 (one month) unless stated.
 */
class MssTest {

    @Test
    void countsDistinctMessagesDatedInsideTheWindow() {
        EssmsMeasure m = scenario()
                .accompanied("P1").accompanied("P2")
                .message("M1", "2026-03-01")   // first day
                .message("M2", "2026-03-31")   // last day
                .message("M3", "2026-03-15")
                .message("M1", "2026-03-01")   // same message_id again: counted once
                .message("M4", "2026-02-28")   // day before
                .message("M5", "2026-04-01")   // day after
                .measure();

        // 3 messages for 2 persons: 150.0 %, not capped; 300 >= 70 x 2 -> OUI
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 3, 2, 0, 2, "150.0", 70, OUI, 0));
    }

    @Test
    void countsMessagesNotPersonsAndIsNeverCapped() {
        EssmsMeasure m = scenario().accompaniedPersons("P", 20).messages("M", 37, "2026-03-12").measure();

        // 37 / 20 = 185.0 %
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 37, 20, 0, 20, "185.0", 70, OUI, 0));
    }

    @Test
    void exactlySeventyPercentReachesTheTarget() {
        EssmsMeasure m = scenario().accompaniedPersons("P", 10).messages("M", 7, "2026-03-12").measure();

        // 700 >= 70 x 10
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 7, 10, 0, 10, "70.0", 70, OUI, 0));
    }

    @Test
    void oneMessageShortOfSeventyPercent() {
        EssmsMeasure m = scenario().accompaniedPersons("P", 10).messages("M", 6, "2026-03-12").measure();

        // 600 < 700; (6 + 1) x 100 = 700 -> manque 1
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 6, 10, 0, 10, "60.0", 70, NON, 1));
    }

    @Test
    void messagesWithoutAnyPersonAccompaniedAreNotComputable() {
        EssmsMeasure m = scenario().messages("M", 5, "2026-03-12").measure();

        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 5, 0, 0, 0, null, 70, NC, 0));
    }

    @Test
    void threeMonthWindowCountsTheMessagesOfItsThreeMonths() {
        // 2026-01 over 3 months: 2025-11-01..2026-01-31
        EssmsMeasure m = scenario().window("2026-01", 3)
                .accompaniedPersons("P", 4)
                .message("M1", "2025-11-01").message("M2", "2025-12-24").message("M3", "2026-01-31")
                .message("M4", "2025-10-31").message("M5", "2026-02-01")
                .measure();

        // M1 M2 M3 = 3 / 4 = 75.0 %
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 3, 4, 0, 4, "75.0", 70, OUI, 0));
    }
}
