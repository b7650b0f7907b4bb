package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static fr.esms.indicateurs.rules.Attainment.NC;
import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.Attainment.OUI;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.DEPOSE;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.REALISE;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.ACTIF;
import static fr.esms.indicateurs.rules.Indicator.AGENDA;
import static fr.esms.indicateurs.rules.Indicator.DMP;
import static fr.esms.indicateurs.rules.Indicator.DOSSIERS_ACTIFS;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, "Exactness": NC on a zero denominator, attainment decided on exact integers
 * ({@code numerator x 100 >= target x denominator}), never on the rounded rate, and the manque.
 */
class ExactnessTest {

    @Test
    void zeroDenominatorsAreNotComputableNeverZeroNorHundredPercent() {
        EssmsMeasure m = scenario().measure();

        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 0, 0, 0, 0, null, 90, NC, 0));
        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 0, 0, 0, 0, null, 90, NC, 0));
        assertThat(Row.of(m, AGENDA)).isEqualTo(Row.rated(AGENDA, 0, 0, 0, 0, null, 90, NC, 0));
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 0, 0, 0, 0, null, 70, NC, 0));
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 0, 0, 0, null, 70, NC, 0));
        assertThat(m.reachesAllTargets()).as("not computable is not reached").isFalse();
    }

    @Test
    void accompaniedPersonsWithoutActiveRecordLeavePpAndAgendaNotComputable() {
        EssmsMeasure m = scenario().accompaniedPersons("P", 3).measure();

        // 0/3: manque (0 + k) x 100 >= 270 -> 3
        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 0, 3, 0, 3, "0.0", 90, NON, 3));
        assertThat(m.result(PROJET_PERSONNALISE).attainment()).isEqualTo(NC);
        assertThat(m.result(AGENDA).attainment()).isEqualTo(NC);
    }

    @Test
    void exactlyNinetyPercentReachesTheTarget() {
        EssmsMeasure m = scenario().activePersons("A", 9).accompaniedPersons("B", 1).measure();

        // 9/10: 900 >= 90 x 10
        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 9, 10, 0, 10, "90.0", 90, OUI, 0));
    }

    @Test
    void oneRecordShortOfNinetyPercent() {
        EssmsMeasure m = scenario().activePersons("A", 8).accompaniedPersons("B", 2).measure();

        // 8/10: 800 < 900; manque 1
        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 8, 10, 0, 10, "80.0", 90, NON, 1));
    }

    @Test
    void rateDisplayedAsNinetyButBelowNinetyIsNotReached() {
        EssmsMeasure m = scenario().activePersons("A", 1799).accompaniedPersons("B", 201).measure();

        // 1799/2000 = 89.95 % -> displayed 90.0 (half-up), but 179 900 < 90 x 2000 = 180 000: NON
        // manque: (1799 + k) x 100 >= 180 000 -> k = 1
        assertThat(Row.of(m, DOSSIERS_ACTIFS))
                .isEqualTo(Row.rated(DOSSIERS_ACTIFS, 1799, 2000, 0, 2000, "90.0", 90, NON, 1));
    }

    @Test
    void ninetyPercentOfTwoThousandIsReached() {
        EssmsMeasure m = scenario().activePersons("A", 1800).accompaniedPersons("B", 200).measure();

        assertThat(Row.of(m, DOSSIERS_ACTIFS))
                .isEqualTo(Row.rated(DOSSIERS_ACTIFS, 1800, 2000, 0, 2000, "90.0", 90, OUI, 0));
    }

    @Test
    void rateDisplayedAsSeventyButBelowSeventyIsNotReached() {
        EssmsMeasure m = scenario().accompaniedPersons("P", 2000).messages("M", 1399, "2026-03-20").measure();

        // 1399/2000 = 69.95 % -> 70.0 displayed; 139 900 < 140 000: NON, manque 1
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 1399, 2000, 0, 2000, "70.0", 70, NON, 1));
    }

    @Test
    void twoThirdsIsDisplayedRoundedAndGapRoundedUp() {
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1").event("E1", "D1", "2026-03-02", REALISE)
                .activePerson("P2", "D2").event("E2", "D2", "2026-03-03", REALISE)
                .activePerson("P3", "D3")
                .measure();

        // 2/3 = 66.67 -> 66.7; manque: (2 + k) x 100 >= 270 -> k = 1
        assertThat(Row.of(m, AGENDA)).isEqualTo(Row.rated(AGENDA, 2, 3, 0, 3, "66.7", 90, NON, 1));
    }

    @Test
    void oneEighthIsTwelveAndAHalf() {
        EssmsMeasure m = scenario()
                .activePersons("P", 8)
                .project("PP1", "D-P1", ACTIF, "2025-01-01", null)
                .measure();

        // 1/8 = 12.5; manque: (1 + k) x 100 >= 720 -> k = 7 (k = 6 gives 700)
        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 1, 8, 0, 8, "12.5", 90, NON, 7));
    }

    @Test
    void oneSixteenthIsRoundedHalfUp() {
        EssmsMeasure m = scenario()
                .activePersons("P", 16)
                .document("DOC1", "D-P1", "2026-03-10", DEPOSE)
                .measure();

        // 1/16 = 6.25 -> 6.3 half-up; manque: (1 + k) x 100 >= 70 x 16 = 1120 -> k = 11 (k = 10 gives 1100)
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 16, 0, 16, "6.3", 70, NON, 11));
    }

    @ParameterizedTest(name = "gap({0}, {1}, {2}) = {3}")
    @CsvSource({
            // numerator, denominator, target, smallest k with (n + k) x 100 >= t x d
            "9,    10,   90, 0",   // 900 >= 900
            "8,    10,   90, 1",   // 800 -> 900
            "0,    1,    90, 1",   // 0 -> 90
            "0,    3,    90, 3",   // 0 -> 270
            "1799, 2000, 90, 1",   // 179 900 -> 180 000
            "0,    2000, 90, 1800",
            "7,    10,   70, 0",
            "6,    10,   70, 1",
            "4,    7,    70, 1",   // 400 -> 490
            "0,    7,    70, 5",   // 0 -> 490
            "1,    16,   70, 11",  // 100 -> 1120
            "150,  100,  70, 0"})  // above 100 %
    void gapIsTheSmallestMissingNumber(long numerator, long denominator, int target, long gap) {
        assertThat(IndicatorCalculator.gap(numerator, denominator, target)).isEqualTo(gap);
    }
}
