package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.ANNULE;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.PREVU;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.REALISE;
import static fr.esms.indicateurs.rules.Indicator.AGENDA;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, AGENDA: persons with an active record having at least one agenda event not {@code ANNULE}
 * dated inside the window, over persons with an active record. Window 2026-03 (one month) unless stated.
 */
class AgendaTest {

    @Test
    void countsPersonsWithAnEventNotCancelledInsideTheWindow() {
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1").event("E1", "D1", "2026-03-10", PREVU)      // yes
                .activePerson("P2", "D2").event("E2", "D2", "2026-03-01", REALISE)    // yes, first day
                .activePerson("P3", "D3").event("E3", "D3", "2026-03-10", ANNULE)     // no: cancelled
                .activePerson("P4", "D4").event("E4", "D4", "2026-03-31", null)       // yes: empty status = PREVU
                .activePerson("P5", "D5").event("E5a", "D5", "2026-02-28", REALISE)   // no: day before
                .event("E5b", "D5", "2026-04-01", PREVU)                               // no: day after
                .activePerson("P6", "D6").event("E6a", "D6", "2026-03-05", ANNULE)
                .event("E6b", "D6", "2026-03-06", PREVU)                               // yes: one not cancelled
                .activePerson("P7", "D7").event("E7a", "D7", "2026-03-02", REALISE)
                .event("E7b", "D7", "2026-03-03", REALISE)                             // yes, once
                .activePerson("P8", "D8")                                              // no event
                .measure();

        // P1 P2 P4 P6 P7 = 5 of 8 -> 62.5; manque: (5 + k) x 100 >= 90 x 8 = 720 -> k = 3 (k = 2 gives 700)
        assertThat(Row.of(m, AGENDA)).isEqualTo(Row.rated(AGENDA, 5, 8, 0, 8, "62.5", 90, NON, 3));
    }

    @Test
    void eventOfANonActiveRecordOrOfAPersonOutsideTheFileActiveIsNotCounted() {
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1")
                .accompanied("P2").record("D2", "P2", "2026-02").event("E2", "D2", "2026-03-10", REALISE)
                .stay("P3", "2025-01-01", "2026-02-28").record("D3", "P3", "2026-03")
                .event("E3", "D3", "2026-03-10", REALISE)
                .event("E404", "D404", "2026-03-10", REALISE)
                .measure();

        // 0/1; manque 1
        assertThat(Row.of(m, AGENDA)).isEqualTo(Row.rated(AGENDA, 0, 1, 0, 1, "0.0", 90, NON, 1));
    }

    @Test
    void eventOfTheFirstMonthCountsInAThreeMonthWindow() {
        Scenario s = scenario()
                .accompanied("P1").record("D1", "P1", "2026-03")
                .event("E1", "D1", "2026-01-02", REALISE);

        assertThat(s.window("2026-03", 1).measure().result(AGENDA).numerator()).isZero();
        assertThat(s.window("2026-03", 3).measure().result(AGENDA).numerator()).isEqualTo(1L);
    }
}
