package fr.esms.indicateurs.rules;

import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static fr.esms.indicateurs.rules.Indicator.AGENDA;
import static fr.esms.indicateurs.rules.Indicator.DMP;
import static fr.esms.indicateurs.rules.Indicator.DOSSIERS_ACTIFS;
import static fr.esms.indicateurs.rules.Indicator.EPARCOURS;
import static fr.esms.indicateurs.rules.Indicator.EPRESCRIPTION;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@code indicateurs.md} on hand-made ESSMS. Every expected figure is worked out by hand in the
 * comment above it. Unless said otherwise: window = October 2026 (2026-10-01 to 2026-10-31), category 500 (PA).
 */
class IndicatorCalculatorTest {

    static final MeasureWindow OCTOBER = new MeasureWindow(YearMonth.of(2026, 10), 1);
    static final String EHPAD = "500";
    static final String CSAPA = "197";
    static final String PJM = "340";

    static final CatalogueEntry ANONYMAT = new CatalogueEntry("ANONYMAT", "Personne accompagnée sous anonymat",
            Set.of(DMP), Set.of(), Set.of(Sector.PDS), null, null, "Instruction 2025/40");
    /** A second code covering DMP for PDS, to check a person counts once whatever the number of codes. */
    static final CatalogueEntry SECRET = new CatalogueEntry("SECRET", "Secret renforcé", Set.of(DMP), Set.of(),
            Set.of(Sector.PDS), null, null, "Décision test");
    /** A code that was only in force until June 2026. */
    static final CatalogueEntry ANCIEN = new CatalogueEntry("ANCIEN", "Ancienne situation", Set.of(MSS),
            Set.of(EHPAD), Set.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 6, 30), "Décision abrogée");

    final IndicatorCalculator calculator = new IndicatorCalculator(
            RulesVersion.v2025(new AdjustmentCatalogue(List.of(ANONYMAT, SECRET, ANCIEN))));

    EssmsMeasure compute(String category, MeasureWindow window, Scenario activity,
                         DeclaredAdjustment... declared) {
        return calculator.compute("010000016", category, window, activity.activity(), List.of(declared));
    }

    /** numerator, raw denominator, adjustment, denominator, rate, target, attainment, gap. */
    static void assertRow(EssmsMeasure m, Indicator indicator, long num, Long rawDen, long adj, Long den, String rate,
                          Integer target, Attainment attainment, long gap) {
        IndicatorResult r = m.result(indicator);
        assertThat(r.numerator()).as(indicator + " numérateur").isEqualTo(num);
        assertThat(r.rawDenominator()).as(indicator + " dénominateur brut").isEqualTo(rawDen);
        assertThat(r.adjustment()).as(indicator + " ajustement").isEqualTo(adj);
        assertThat(r.denominator()).as(indicator + " dénominateur").isEqualTo(den);
        assertThat(r.rate()).as(indicator + " taux").isEqualTo(rate);
        assertThat(r.target()).as(indicator + " cible").isEqualTo(target);
        assertThat(r.attainment()).as(indicator + " atteinte").isEqualTo(attainment);
        assertThat(r.gap()).as(indicator + " manque").isEqualTo(gap);
    }

    /**
     * One ESSMS with every population case. File active (stays overlapping October):
     * P1 in (no exit), P2 in (crosses the window), P3 in (exit inside), P4 out (exit 09-30, the day before),
     * P5 out (entry 11-01, the day after), P6 in (entry 10-31, the last day), P7 in once (an old stay and a new
     * one), P8 in once (two overlapping stays) → accompanied = {P1, P2, P3, P6, P7, P8} = 6.
     * Active records (accompanied person, updated in October): R1 (P1), R3 (P3), R6a and R6b (P6, a duplicate);
     * R2 (P2) updated in September only, R8 (P8) in November only, R4 (P4, not accompanied) → persons with an
     * active record = {P1, P3, P6} = 3.
     */
    Scenario everyCase() {
        return Scenario.scenario()
                .stay("P1", "2026-01-01", "")
                .stay("P2", "2025-01-01", "2026-11-15")
                .stay("P3", "2025-06-01", "2026-10-10")
                .stay("P4", "2025-06-01", "2026-09-30")
                .stay("P5", "2026-11-01", "")
                .stay("P6", "2026-10-31", "")
                .stay("P7", "2025-01-01", "2025-06-30").stay("P7", "2026-10-15", "")
                .stay("P8", "2025-01-01", "2026-10-20").stay("P8", "2026-10-21", "")
                .record("R1", "P1", "2026-10")
                .record("R2", "P2", "2026-09")
                .record("R3", "P3", "2026-08", "2026-10")
                .record("R4", "P4", "2026-10")
                .record("R6a", "P6", "2026-10").record("R6b", "P6", "2026-10")
                .record("R8", "P8", "2026-11")
                // PP: R1 active and open-ended → P1; R3 only CLOS (overlapping) and an ACTIF one ended 09-30 → not
                // P3; R6b in preparation without dates → P6; R2 active but its record is not → not counted.
                .project("PP1", "R1", ProjectStatus.ACTIF, "2026-01-01", "")
                .project("PP1b", "R1", ProjectStatus.ANNULE, "2026-01-01", "")
                .project("PP3", "R3", ProjectStatus.CLOS, "2026-01-01", "2026-12-31")
                .project("PP3b", "R3", ProjectStatus.ACTIF, "2025-01-01", "2026-09-30")
                .project("PP6", "R6b", ProjectStatus.EN_PREPARATION, "", "")
                .project("PP2", "R2", ProjectStatus.ACTIF, "2026-01-01", "")
                // Agenda: R1 only a cancelled event in October and one in November → not P1; R3 on the last day
                // → P3; R6a on the first day → P6; R2 not active → not counted.
                .event("E1", "R1", "2026-10-05", EventStatus.ANNULE)
                .event("E1b", "R1", "2026-11-02", EventStatus.PREVU)
                .event("E3", "R3", "2026-10-31", EventStatus.REALISE)
                .event("E6", "R6a", "2026-10-01", EventStatus.PREVU)
                .event("E2", "R2", "2026-10-12", EventStatus.REALISE)
                // MSS: M1, M2, M4 in October (M2 twice), M3 on 09-30 → 3 messages.
                .message("M1", "2026-10-01").message("M2", "2026-10-31").message("M2", "2026-10-31")
                .message("M3", "2026-09-30").message("M4", "2026-10-15")
                // DMP: P1 (DEPOSE), P3 (REMPLACE), P2 (record not active, but P2 is accompanied); not SUPPRIME or
                // ERREUR (P6), not P4 (not accompanied), not September; RX has no known record (warning).
                .document("D1", "R1", "2026-10-03", DmpStatus.DEPOSE)
                .document("D7", "R1", "2026-09-03", DmpStatus.DEPOSE)
                .document("D2", "R3", "2026-10-04", DmpStatus.REMPLACE)
                .document("D3", "R6a", "2026-10-05", DmpStatus.SUPPRIME)
                .document("D4", "R6b", "2026-10-06", DmpStatus.ERREUR)
                .document("D5", "R2", "2026-10-07", DmpStatus.DEPOSE)
                .document("D6", "R4", "2026-10-08", DmpStatus.DEPOSE)
                .document("D8", "RX", "2026-10-09", DmpStatus.DEPOSE)
                .ePrescription("X1", "2026-10-02").ePrescription("X1", "2026-10-02").ePrescription("X2", "2026-09-02");
    }

    @Nested
    class Populations {

        @Test
        void dossiersActifs() {
            // 3 / 6 = 50.0 % ; need (3 + k) x 100 >= 90 x 6 = 540 → k = 3
            assertRow(compute(EHPAD, OCTOBER, everyCase()), DOSSIERS_ACTIFS, 3, 6L, 0, 6L, "50.0", 90,
                    Attainment.NON, 3);
        }

        @Test
        void projetPersonnalise() {
            // {P1, P6} / {P1, P3, P6} = 2 / 3 = 66.7 % ; 270 - 200 = 70 → 1 more
            assertRow(compute(EHPAD, OCTOBER, everyCase()), PROJET_PERSONNALISE, 2, 3L, 0, 3L, "66.7", 90,
                    Attainment.NON, 1);
        }

        @Test
        void agenda() {
            // {P3, P6} / 3 = 66.7 % ; 1 more
            assertRow(compute(EHPAD, OCTOBER, everyCase()), AGENDA, 2, 3L, 0, 3L, "66.7", 90, Attainment.NON, 1);
        }

        @Test
        void mssCountsDistinctMessagesOfTheWindow() {
            // 3 / 6 = 50.0 % ; 70 x 6 = 420, 420 - 300 = 120 → 2 more messages
            assertRow(compute(EHPAD, OCTOBER, everyCase()), MSS, 3, 6L, 0, 6L, "50.0", 70, Attainment.NON, 2);
        }

        @Test
        void dmpCountsAccompaniedPersonsWithADepositedOrReplacedDocument() {
            // {P1, P2, P3} / 6 = 50.0 % ; 420 - 300 = 120 → 2
            assertRow(compute(EHPAD, OCTOBER, everyCase()), DMP, 3, 6L, 0, 6L, "50.0", 70, Attainment.NON, 2);
        }

        @Test
        void countersCountDistinctIdsOfTheWindowWithoutDenominatorOrTarget() {
            EssmsMeasure m = compute(EHPAD, OCTOBER, everyCase());
            assertRow(m, EPRESCRIPTION, 1, null, 0, null, null, null, null, 0);
            assertRow(m, EPARCOURS, 0, null, 0, null, null, null, null, 0);
        }

        @Test
        void duplicatesAndOrphanDocumentsAreReported() {
            assertThat(compute(EHPAD, OCTOBER, everyCase()).warnings()).containsExactly(
                    "1 personne(s) ont plusieurs dossiers actifs (doublons, comptées une fois)",
                    "1 document(s) DMP rattaché(s) à un dossier absent des exports, non comptés");
        }

        @Test
        void mssRateAbove100IsNotCapped() {
            // 8 messages / 5 persons = 160.0 % → reached
            Scenario a = Scenario.scenario().persons(5, 5, "2026-10");
            for (int i = 0; i < 8; i++) {
                a.message("M" + i, "2026-10-1" + i % 10);
            }
            assertRow(compute(EHPAD, OCTOBER, a), MSS, 8, 5L, 0, 5L, "160.0", 70, Attainment.OUI, 0);
        }

        @Test
        void aThreeMonthWindowCountsUpdatesAndEventsOfAugustToOctober() {
            MeasureWindow threeMonths = new MeasureWindow(YearMonth.of(2026, 10), 3);
            // File active over 08-01..10-31 adds P4 (exit 09-30): {P1, P2, P3, P4, P6, P7, P8} = 7.
            // Active: R1 (10), R2 (09), R3 (08, 10), R4 (10), R6a/b → {P1, P2, P3, P4, P6} = 5 ; 5/7 = 71.4 %.
            // 630 - 500 = 130 → 2 more.
            EssmsMeasure m = compute(EHPAD, threeMonths, everyCase());
            assertRow(m, DOSSIERS_ACTIFS, 5, 7L, 0, 7L, "71.4", 90, Attainment.NON, 2);
            // PP now also counts R2's active PP (P2) and R3's PP ended 09-30 (P3): {P1, P2, P3, P6} = 4 / 5 = 80.0 %
            assertRow(m, PROJET_PERSONNALISE, 4, 5L, 0, 5L, "80.0", 90, Attainment.NON, 1);
            // MSS: M1, M2, M3 (09-30), M4 = 4 / 7 = 57.1 % ; 490 - 400 = 90 → 1
            assertRow(m, MSS, 4, 7L, 0, 7L, "57.1", 70, Attainment.NON, 1);
            // EPRESCRIPTION: X1 and X2 (September) = 2
            assertRow(m, EPRESCRIPTION, 2, null, 0, null, null, null, null, 0);
        }
    }

    @Nested
    class Exactness {

        @Test
        void zeroDenominatorsAreNotComputableNeverZeroOrHundred() {
            EssmsMeasure m = compute(EHPAD, OCTOBER, Scenario.scenario());
            for (Indicator i : List.of(DOSSIERS_ACTIFS, PROJET_PERSONNALISE, AGENDA)) {
                assertRow(m, i, 0, 0L, 0, 0L, null, 90, Attainment.NC, 0);
            }
            assertRow(m, MSS, 0, 0L, 0, 0L, null, 70, Attainment.NC, 0);
            assertRow(m, DMP, 0, 0L, 0, 0L, null, 70, Attainment.NC, 0);
            assertThat(m.reachesAllTargets()).isFalse();
        }

        @Test
        void messagesWithoutAnyAccompaniedPersonAreNotComputable() {
            assertRow(compute(EHPAD, OCTOBER, Scenario.scenario().message("M1", "2026-10-02")), MSS, 1, 0L, 0, 0L,
                    null, 70, Attainment.NC, 0);
        }

        @Test
        void exactlyNinetyPercentIsReached() {
            // 9 / 10: 900 >= 900
            assertRow(compute(EHPAD, OCTOBER, Scenario.scenario().persons(10, 9, "2026-10")), DOSSIERS_ACTIFS,
                    9, 10L, 0, 10L, "90.0", 90, Attainment.OUI, 0);
        }

        @Test
        void aRateDisplayedAsNinetyButBelowIsNotReached() {
            // 1799 / 2000 = 89.95 % → displayed 90.0 (half-up) ; 179 900 < 180 000 → NON, 1 more record
            assertRow(compute(EHPAD, OCTOBER, Scenario.scenario().persons(2000, 1799, "2026-10")),
                    DOSSIERS_ACTIFS, 1799, 2000L, 0, 2000L, "90.0", 90, Attainment.NON, 1);
        }

        @Test
        void ratesAreRoundedHalfUpToOneDecimal() {
            assertThat(rate(1, 8)).isEqualTo("12.5");
            assertThat(rate(1, 16)).isEqualTo("6.3");   // 6.25
            assertThat(rate(2, 3)).isEqualTo("66.7");   // 66.666…
            assertThat(rate(1, 3)).isEqualTo("33.3");   // 33.333…
            assertThat(rate(1, 2000)).isEqualTo("0.1"); // 0.05
            assertThat(rate(21, 16)).isEqualTo("131.3"); // 131.25
            assertThat(rate(0, 7)).isEqualTo("0.0");
        }

        private String rate(long num, long den) {
            return new IndicatorResult(MSS, num, den, 0, den, 70, Attainment.NON, 0).rate();
        }

        @Test
        void gapIsTheSmallestNumberOfUnitsToReachTheTarget() {
            assertThat(IndicatorCalculator.gap(0, 10, 90)).isEqualTo(9);
            assertThat(IndicatorCalculator.gap(8, 10, 90)).isEqualTo(1);
            assertThat(IndicatorCalculator.gap(9, 10, 90)).isZero();
            assertThat(IndicatorCalculator.gap(6, 9, 70)).isEqualTo(1);  // 630 - 600 = 30 → 1
            assertThat(IndicatorCalculator.gap(7, 9, 70)).isZero();      // 700 >= 630
            assertThat(IndicatorCalculator.gap(12, 17, 70)).isZero();    // 1200 >= 1190
            assertThat(IndicatorCalculator.gap(11, 17, 70)).isEqualTo(1); // 1190 - 1100 = 90 → 1
        }
    }

    @Nested
    class Adjustments {

        /** 5 accompanied persons; P1 and P2 carry {@code codes}; DMP documents for P1 and P3. */
        Scenario fivePersons(String... codes) {
            return Scenario.scenario()
                    .stay("P1", "2026-01-01", "", codes).stay("P2", "2026-01-01", "", codes)
                    .stay("P3", "2026-01-01", "").stay("P4", "2026-01-01", "").stay("P5", "2026-01-01", "")
                    .record("R1", "P1", "2026-10").record("R3", "P3", "2026-10")
                    .document("D1", "R1", "2026-10-02", DmpStatus.DEPOSE)
                    .document("D3", "R3", "2026-10-02", DmpStatus.DEPOSE);
        }

        @Test
        void aPersonLevelCodeAllowedForTheSectorRemovesThePersonFromDenominatorAndNumerator() {
            // CSAPA (PDS): P1, P2 anonymous → DMP raw 5, adj 2, den 3 ; num {P1, P3} minus P1 = 1 → 33.3 % ;
            // 210 - 100 = 110 → 2
            EssmsMeasure m = compute(CSAPA, OCTOBER, fivePersons("ANONYMAT"));
            assertRow(m, DMP, 1, 5L, 2, 3L, "33.3", 70, Attainment.NON, 2);
            assertThat(m.applied()).containsExactly(new AppliedAdjustment(DMP, "ANONYMAT",
                    "Personne accompagnée sous anonymat", 2, AdjustmentSource.CODE_USAGER, "Instruction 2025/40"));
            // Other indicators are not covered by the code.
            assertRow(m, MSS, 0, 5L, 0, 5L, "0.0", 70, Attainment.NON, 4);
            assertRow(m, DOSSIERS_ACTIFS, 2, 5L, 0, 5L, "40.0", 90, Attainment.NON, 3);
        }

        @Test
        void aCodeNotAllowedForTheCategoryIsReportedAndNotApplied() {
            // EHPAD (PA): the unadjusted figure, 2 / 5 = 40.0 %
            EssmsMeasure m = compute(EHPAD, OCTOBER, fivePersons("ANONYMAT"));
            assertRow(m, DMP, 2, 5L, 0, 5L, "40.0", 70, Attainment.NON, 2);
            assertThat(m.applied()).isEmpty();
            assertThat(m.refused()).containsExactly(new RefusedAdjustment(DMP, "ANONYMAT",
                    AdjustmentSource.CODE_USAGER, 2, "motif ANONYMAT non autorisé pour la catégorie FINESS 500 "
                    + "(secteur PA)"));
        }

        @Test
        void anUnknownCodeIsReportedAndNotApplied() {
            EssmsMeasure m = compute(CSAPA, OCTOBER, fivePersons("INCONNU"));
            assertRow(m, DMP, 2, 5L, 0, 5L, "40.0", 70, Attainment.NON, 2);
            assertThat(m.refused()).containsExactly(new RefusedAdjustment(null, "INCONNU",
                    AdjustmentSource.CODE_USAGER, 2, "code inconnu du catalogue d'aménagements 2025"));
        }

        @Test
        void aCodeNoLongerInForceAtTheWindowEndIsNotApplied() {
            // ANCIEN covers MSS for category 500 until 2026-06-30: refused for October.
            EssmsMeasure m = compute(EHPAD, OCTOBER, fivePersons("ANCIEN"));
            assertRow(m, MSS, 0, 5L, 0, 5L, "0.0", 70, Attainment.NON, 4);
            assertThat(m.refused()).extracting(RefusedAdjustment::reason)
                    .containsExactly("motif ANCIEN non en vigueur au 2026-10-31");
            // …but applied for June 2026, when it was in force (MSS counts messages: only its denominator moves).
            EssmsMeasure june = compute(EHPAD, new MeasureWindow(YearMonth.of(2026, 6), 1), fivePersons("ANCIEN"));
            assertRow(june, MSS, 0, 5L, 2, 3L, "0.0", 70, Attainment.NON, 3);
        }

        @Test
        void aPersonWithTwoCodesForOneIndicatorCountsOnce() {
            // P1 and P2 carry ANONYMAT and SECRET: 2 persons removed, not 4.
            EssmsMeasure m = compute(CSAPA, OCTOBER, fivePersons("ANONYMAT", "SECRET"));
            assertRow(m, DMP, 1, 5L, 2, 3L, "33.3", 70, Attainment.NON, 2);
        }

        @Test
        void aDeclaredAdjustmentAppliesToItsExactWindowOnly() {
            DeclaredAdjustment declared = new DeclaredAdjustment(DMP, "ANONYMAT", 2, LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 31), "ARS-2026-118");
            // No person-level code: raw 5, adj 2, den 3 ; numerator unchanged 2 → 66.7 % ; 210 - 200 = 10 → 1
            EssmsMeasure m = compute(CSAPA, OCTOBER, fivePersons(), declared);
            assertRow(m, DMP, 2, 5L, 2, 3L, "66.7", 70, Attainment.NON, 1);
            assertThat(m.applied()).containsExactly(new AppliedAdjustment(DMP, "ANONYMAT",
                    "Personne accompagnée sous anonymat", 2, AdjustmentSource.DECLARE, "ARS-2026-118"));
            // The three-month window ending in October is another window: nothing applied, nothing refused.
            EssmsMeasure three = compute(CSAPA, new MeasureWindow(YearMonth.of(2026, 10), 3), fivePersons(),
                    declared);
            assertRow(three, DMP, 2, 5L, 0, 5L, "40.0", 70, Attainment.NON, 2);
            assertThat(three.applied()).isEmpty();
            assertThat(three.refused()).isEmpty();
        }

        @Test
        void aDeclaredAdjustmentIsSupersededByPersonLevelCodesOfTheSameMotif() {
            DeclaredAdjustment declared = new DeclaredAdjustment(DMP, "ANONYMAT", 3, LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 31), "ARS-2026-118");
            // Codes remove P1, P2 (2); the declaration of 3 is not added.
            EssmsMeasure m = compute(CSAPA, OCTOBER, fivePersons("ANONYMAT"), declared);
            assertRow(m, DMP, 1, 5L, 2, 3L, "33.3", 70, Attainment.NON, 2);
            assertThat(m.refused()).extracting(RefusedAdjustment::source, RefusedAdjustment::count)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AdjustmentSource.DECLARE, 3L));
            assertThat(m.refused().get(0).reason()).startsWith("remplacé par les codes individuels");
        }

        @Test
        void aDeclaredAdjustmentNotAllowedOrForAnotherIndicatorIsRefused() {
            DeclaredAdjustment onEhpad = new DeclaredAdjustment(DMP, "ANONYMAT", 1, LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 31), "x");
            DeclaredAdjustment onMss = new DeclaredAdjustment(MSS, "ANONYMAT", 1, LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 31), "y");
            EssmsMeasure m = compute(EHPAD, OCTOBER, fivePersons(), onEhpad, onMss);
            assertRow(m, DMP, 2, 5L, 0, 5L, "40.0", 70, Attainment.NON, 2);
            assertRow(m, MSS, 0, 5L, 0, 5L, "0.0", 70, Attainment.NON, 4);
            assertThat(m.refused()).extracting(RefusedAdjustment::reason).containsExactlyInAnyOrder(
                    "motif ANONYMAT non autorisé pour la catégorie FINESS 500 (secteur PA)",
                    "le motif ANONYMAT ne s'applique pas à l'indicateur MSS");
        }

        @Test
        void anAdjustedDenominatorNeverGoesBelowZero() {
            DeclaredAdjustment tooMany = new DeclaredAdjustment(DMP, "ANONYMAT", 9, LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 31), "z");
            // raw 5 - 9 → 0: NC ; the adjustment shown is what was really removed, 5
            EssmsMeasure m = compute(CSAPA, OCTOBER, fivePersons(), tooMany);
            assertRow(m, DMP, 2, 5L, 5, 0L, null, 70, Attainment.NC, 0);
            assertThat(m.warnings()).contains(
                    "DMP : aménagements (9) supérieurs au dénominateur brut (5), dénominateur ramené à 0",
                    "DMP incohérent : dénominateur (0) inférieur au numérateur (2)");
        }
    }

    @Nested
    class Exemption {

        @Test
        void pjmServicesAreShownButExemptedFromMssAndDmp() {
            // 5 persons, 2 messages, 1 DMP person: rates still shown, no target, EXEMPTE, gap 0.
            Scenario a = Scenario.scenario().persons(5, 5, "2026-10")
                    .message("M1", "2026-10-02").message("M2", "2026-10-03")
                    .document("D1", "RN0", "2026-10-04", DmpStatus.DEPOSE);
            EssmsMeasure m = compute(PJM, OCTOBER, a);
            assertRow(m, MSS, 2, 5L, 0, 5L, "40.0", null, Attainment.EXEMPTE, 0);
            assertRow(m, DMP, 1, 5L, 0, 5L, "20.0", null, Attainment.EXEMPTE, 0);
            assertRow(m, DOSSIERS_ACTIFS, 5, 5L, 0, 5L, "100.0", 90, Attainment.OUI, 0);
            assertThat(m.sector()).isEqualTo(Sector.PJM);
        }

        @Test
        void pjmIsExemptEvenWithAZeroDenominator() {
            EssmsMeasure m = compute(PJM, OCTOBER, Scenario.scenario());
            assertRow(m, MSS, 0, 0L, 0, 0L, null, null, Attainment.EXEMPTE, 0);
            assertRow(m, DMP, 0, 0L, 0, 0L, null, null, Attainment.EXEMPTE, 0);
        }

        @Test
        void anEssmsReachesAllTargetsOnlyIfEveryHeldTargetIsReached() {
            // PJM with all DUI targets reached and low MSS/DMP: reached.
            Scenario a = Scenario.scenario().persons(10, 10, "2026-10");
            for (int i = 0; i < 10; i++) {
                a.project("PP" + i, "RN" + i, ProjectStatus.ACTIF, "2026-01-01", "")
                        .event("E" + i, "RN" + i, "2026-10-10", EventStatus.PREVU);
            }
            assertThat(compute(PJM, OCTOBER, a).reachesAllTargets()).isTrue();
            assertThat(compute(EHPAD, OCTOBER, a).reachesAllTargets()).isFalse();
        }
    }
}
