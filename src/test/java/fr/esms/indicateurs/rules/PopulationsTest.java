package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.Attainment.OUI;
import static fr.esms.indicateurs.rules.Indicator.DMP;
import static fr.esms.indicateurs.rules.Indicator.DOSSIERS_ACTIFS;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, "Populations": the file active (persons with a stay overlapping the window) and the dossiers
 * actifs (records of accompanied persons updated during the window), i.e. the DOSSIERS_ACTIFS indicator.
 * Unless stated, the window is 2026-03 over one month: 2026-03-01..2026-03-31.
 */
class PopulationsTest {

    @Test
    void fileActiveHoldsEveryStayOverlappingTheWindow() {
        EssmsMeasure m = scenario()
                .stay("CROSSING", "2025-12-01", "2026-04-15")    // entry before, exit after: in
                .stay("ENTERED", "2026-03-10", null)             // entry inside, still there: in
                .stay("LEFT", "2025-01-01", "2026-03-20")        // exit inside: in
                .stay("LEFT_FIRST_DAY", "2025-01-01", "2026-03-01") // exit on the first day: in
                .stay("ENTERED_LAST_DAY", "2026-03-31", null)    // entry on the last day: in
                .stay("STILL_THERE", "2020-06-01", null)         // in
                .stay("LEFT_BEFORE", "2025-01-01", "2026-02-28") // exit the day before the start: out
                .stay("ENTERS_AFTER", "2026-04-01", null)        // entry the day after the end: out
                .measure();

        // 6 persons accompanied, none with a record: 0/6; manque: smallest k with k x 100 >= 90 x 6 = 540 -> 6
        assertThat(Row.of(m, DOSSIERS_ACTIFS))
                .isEqualTo(Row.rated(DOSSIERS_ACTIFS, 0, 6, 0, 6, "0.0", 90, NON, 6));
        assertThat(m.result(MSS).rawDenominator()).isEqualTo(6L);
        assertThat(m.result(DMP).rawDenominator()).isEqualTo(6L);
    }

    @Test
    void personWithTwoStaysIsCountedOnce() {
        EssmsMeasure m = scenario()
                .stay("P1", "2026-01-01", "2026-03-05").stay("P1", "2026-03-20", null) // both overlap
                .stay("P2", "2023-01-01", "2025-06-30").stay("P2", "2026-02-01", null) // only the second overlaps
                .stay("P3", "2025-01-01", "2026-02-10").stay("P3", "2026-04-02", null) // neither overlaps
                .measure();

        // P1 and P2, once each
        assertThat(m.result(DOSSIERS_ACTIFS).rawDenominator()).isEqualTo(2L);
    }

    @Test
    void threeMonthWindowHoldsExitsOfItsFirstMonth() {
        // 2026-03 over 3 months: 2026-01-01..2026-03-31
        EssmsMeasure m = scenario().window("2026-03", 3)
                .stay("LEFT_JAN_1", "2025-01-01", "2026-01-01")  // in
                .stay("LEFT_DEC_31", "2025-01-01", "2025-12-31") // out
                .stay("ENTERED_MAR_31", "2026-03-31", null)      // in
                .measure();

        assertThat(m.result(DOSSIERS_ACTIFS).rawDenominator()).isEqualTo(2L);
    }

    @Test
    void threeMonthWindowAcrossTheYearBoundary() {
        // 2026-01 over 3 months: 2025-11-01..2026-01-31
        EssmsMeasure m = scenario().window("2026-01", 3)
                .stay("LEFT_NOV_1", "2024-01-01", "2025-11-01")  // in
                .stay("LEFT_OCT_31", "2024-01-01", "2025-10-31") // out
                .stay("ENTERS_FEB_1", "2026-02-01", null)        // out
                .measure();

        assertThat(m.result(DOSSIERS_ACTIFS).rawDenominator()).isEqualTo(1L);
    }

    @Test
    void activeRecordIsARecordOfAnAccompaniedPersonUpdatedInTheWindow() {
        EssmsMeasure m = scenario()
                .accompanied("P1").record("D1", "P1", "2026-03")              // active
                .accompanied("P2").record("D2", "P2", "2026-02")              // updated only the month before
                .accompanied("P3").record("D3", "P3", "2026-01", "2026-03")   // active
                .stay("P4", "2025-01-01", "2026-02-28").record("D4", "P4", "2026-03") // person left before
                .accompanied("P5")                                            // no record
                .accompanied("P6").record("D6", "P6", "2026-04")              // updated only the month after
                .accompanied("P7").record("D7", "P7")                         // never seen updated
                .measure();

        // accompanied: P1 P2 P3 P5 P6 P7 = 6; active: P1 P3 = 2 -> 2/6 = 33.33 -> 33.3
        // manque: (2 + k) x 100 >= 90 x 6 = 540 -> k = 4 (k = 3 gives 500)
        assertThat(Row.of(m, DOSSIERS_ACTIFS))
                .isEqualTo(Row.rated(DOSSIERS_ACTIFS, 2, 6, 0, 6, "33.3", 90, NON, 4));
        // persons with an active record are the denominator of PROJET_PERSONNALISE
        assertThat(m.result(PROJET_PERSONNALISE).rawDenominator()).isEqualTo(2L);
    }

    @Test
    void laterSnapshotDoesNotHideAnUpdateSeenInTheWindow() {
        // Each export proves one update: D1 showed 2026-03 in the March export and 2026-04 in the April one.
        // D2 shows updates around the window but none inside it.
        EssmsMeasure m = scenario()
                .accompanied("P1").record("D1", "P1", "2026-04", "2026-03")
                .accompanied("P2").record("D2", "P2", "2026-02", "2026-04")
                .measure();

        assertThat(m.result(DOSSIERS_ACTIFS).numerator()).isEqualTo(1L);
    }

    @Test
    void modificationJournalMonthMakesARecordActive() {
        // D1's last snapshot says 2026-01, but modifications.csv holds an update on 2026-03-14 (month 2026-03)
        EssmsMeasure m = scenario()
                .accompanied("P1").record("D1", "P1", "2026-01").update("D1", "2026-03")
                .measure();

        assertThat(m.result(DOSSIERS_ACTIFS).numerator()).isEqualTo(1L);
    }

    @Test
    void updateInAnEarlierMonthOfAThreeMonthWindowCounts() {
        Scenario oneMonth = scenario().window("2026-03", 1)
                .accompanied("P1").record("D1", "P1", "2026-01")
                .accompanied("P2").record("D2", "P2", "2025-12");
        Scenario threeMonths = scenario().window("2026-03", 3)
                .accompanied("P1").record("D1", "P1", "2026-01")
                .accompanied("P2").record("D2", "P2", "2025-12");

        assertThat(oneMonth.measure().result(DOSSIERS_ACTIFS).numerator()).isZero();
        // 2026-01..2026-03: D1 in, D2 (2025-12) out -> 1/2 = 50.0
        assertThat(threeMonths.measure().result(DOSSIERS_ACTIFS).numerator()).isEqualTo(1L);
    }

    @Test
    void personWithTwoActiveRecordsIsCountedOnceWithAWarning() {
        EssmsMeasure m = scenario()
                .accompanied("P1").record("D1a", "P1", "2026-03").record("D1b", "P1", "2026-03") // duplicate
                .activePerson("P2", "D2")
                .accompanied("P3").record("D3", "P3", "2026-03").record("D3old", "P3", "2025-06") // one active
                .measure();

        // 3 accompanied, 3 with an active record: 3/3 = 100.0
        assertThat(Row.of(m, DOSSIERS_ACTIFS))
                .isEqualTo(Row.rated(DOSSIERS_ACTIFS, 3, 3, 0, 3, "100.0", 90, OUI, 0));
        assertThat(m.result(PROJET_PERSONNALISE).rawDenominator()).isEqualTo(3L);
        // only P1 is a duplicate: P3's second record is not active
        assertThat(m.warnings()).singleElement().asString()
                .startsWith("1 personne(s)")
                .contains("doublons");
    }

    @Test
    void noDuplicateWarningWithoutDuplicates() {
        EssmsMeasure m = scenario().activePersons("P", 3).measure();

        assertThat(m.warnings()).isEmpty();
    }
}
