package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import static fr.esms.indicateurs.rules.Attainment.NC;
import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.Attainment.OUI;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.ACTIF;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.ANNULE;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.CLOS;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.EN_PREPARATION;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, PROJET_PERSONNALISE: persons with an active record holding a PP {@code EN_PREPARATION} or
 * {@code ACTIF} whose validity overlaps the window, over persons with an active record. Window 2026-03 (one
 * month) unless stated.
 */
class ProjetPersonnaliseTest {

    @Test
    void countsProjectsInPreparationOrActiveWhoseValidityOverlapsTheWindow() {
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1").project("PP1", "D1", ACTIF, "2025-06-01", null)          // yes
                .activePerson("P2", "D2").project("PP2", "D2", EN_PREPARATION, null, null)         // yes, no dates
                .activePerson("P3", "D3").project("PP3", "D3", CLOS, "2025-06-01", "2026-03-15")   // no: CLOS
                .activePerson("P4", "D4").project("PP4", "D4", ANNULE, null, null)                 // no: ANNULE
                .activePerson("P5", "D5").project("PP5", "D5", ACTIF, "2025-01-01", "2026-02-28")  // no: ended before
                .activePerson("P6", "D6").project("PP6", "D6", ACTIF, "2026-04-01", null)          // no: starts after
                .activePerson("P7", "D7").project("PP7", "D7", ACTIF, "2025-03-01", "2026-03-01")  // yes: ends day 1
                .activePerson("P8", "D8").project("PP8", "D8", EN_PREPARATION, "2026-03-31", null) // yes: last day
                .activePerson("P9", "D9").project("PP9a", "D9", CLOS, "2024-01-01", "2025-01-01")
                .project("PP9b", "D9", ACTIF, null, "2027-01-01")                                   // yes, once
                .activePerson("P10", "D10")                                                         // no PP
                .measure();

        // P1 P2 P7 P8 P9 = 5 of 10 -> 50.0; manque: (5 + k) x 100 >= 900 -> k = 4
        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 5, 10, 0, 10, "50.0", 90, NON, 4));
    }

    @Test
    void projectOfANonActiveRecordOrOfAPersonOutsideTheFileActiveIsNotCounted() {
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1")
                .accompanied("P2").record("D2", "P2", "2026-02")                    // record not active
                .project("PP2", "D2", ACTIF, "2025-01-01", null)
                .stay("P3", "2025-01-01", "2026-02-28").record("D3", "P3", "2026-03") // person left before
                .project("PP3", "D3", ACTIF, "2025-01-01", null)
                .project("PP404", "D404", ACTIF, "2025-01-01", null)                 // unknown record
                .measure();

        // only P1 has an active record, without PP: 0/1; manque: k x 100 >= 90 -> 1
        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 0, 1, 0, 1, "0.0", 90, NON, 1));
    }

    @Test
    void projectMustBeHeldByTheActiveRecordItself() {
        // Decision (the spec says "persons with an active record holding a PP"): the PP must belong to an active
        // record; a PP on the person's other, non-active record does not count.
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1")
                .record("D1old", "P1", "2025-05").project("PP1", "D1old", ACTIF, "2025-01-01", null)
                .measure();

        assertThat(m.result(PROJET_PERSONNALISE).numerator()).isZero();
        assertThat(m.result(PROJET_PERSONNALISE).denominator()).isEqualTo(1L);
    }

    @Test
    void personWithProjectsOnTwoActiveRecordsIsCountedOnce() {
        EssmsMeasure m = scenario()
                .accompanied("P1").record("D1a", "P1", "2026-03").record("D1b", "P1", "2026-03")
                .project("PPa", "D1a", ACTIF, null, null).project("PPb", "D1b", EN_PREPARATION, null, null)
                .measure();

        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 1, 1, 0, 1, "100.0", 90, OUI, 0));
    }

    @Test
    void projectEndedInTheFirstMonthOfAThreeMonthWindowCounts() {
        Scenario s = scenario()
                .accompanied("P1").record("D1", "P1", "2026-03")
                .project("PP1", "D1", ACTIF, "2025-01-15", "2026-01-15");

        assertThat(s.window("2026-03", 1).measure().result(PROJET_PERSONNALISE).numerator()).isZero();
        // 2026-01-01..2026-03-31: the validity ends on 2026-01-15, inside
        assertThat(s.window("2026-03", 3).measure().result(PROJET_PERSONNALISE).numerator()).isEqualTo(1L);
    }

    @Test
    void noActiveRecordMakesTheIndicatorNotComputable() {
        EssmsMeasure m = scenario()
                .accompanied("P1").record("D1", "P1", "2026-01")
                .project("PP1", "D1", ACTIF, null, null)
                .accompanied("P2")
                .measure();

        // denominator 0: NC, no rate, manque 0 (never 0 %, never 100 %)
        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 0, 0, 0, 0, null, 90, NC, 0));
    }
}
