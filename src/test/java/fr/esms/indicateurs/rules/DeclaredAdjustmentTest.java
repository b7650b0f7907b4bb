package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static fr.esms.indicateurs.rules.AdjustmentSource.CODE_USAGER;
import static fr.esms.indicateurs.rules.AdjustmentSource.DECLARE;
import static fr.esms.indicateurs.rules.Attainment.NC;
import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.Attainment.OUI;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.DEPOSE;
import static fr.esms.indicateurs.rules.Indicator.DMP;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static fr.esms.indicateurs.rules.Scenario.ANONYMAT;
import static fr.esms.indicateurs.rules.Scenario.REFERENCE_2025;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, "Adjustments": a declared adjustment ({@code amenagements.csv}) removes {@code nombre}
 * persons from the denominator of its indicator, for the exact window it states, only for motifs no person-level
 * code covers for that ESSMS, indicator and window; an adjusted denominator never goes below zero.
 * Window 2026-03 (2026-03-01..2026-03-31) unless stated.
 */
class DeclaredAdjustmentTest {

    private static final String LABEL = "Personne accompagnée sous anonymat";
    private static final String ARS_REF = "ARS Bretagne 2026-017";

    /** A PDS service (category 165) of five persons with an active record, P1 having fed the DMP. */
    private static Scenario pdsOfFive() {
        return scenario().category("165")
                .activePerson("P1", "D1").document("DOC1", "D1", "2026-03-05", DEPOSE)
                .activePersons("Q", 4);
    }

    @Test
    void declaredAdjustmentForTheExactWindowIsApplied() {
        EssmsMeasure m = pdsOfFive()
                .declared(DMP, "ANONYMAT", 2, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // raw 5 - 2 = 3; 1/3 = 33.3; manque: (1 + k) x 100 >= 210 -> 2
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 5, 2, 3, "33.3", 70, NON, 2));
        assertThat(m.applied()).containsExactly(new AppliedAdjustment(DMP, "ANONYMAT", LABEL, 2, DECLARE, ARS_REF));
        assertThat(m.refused()).isEmpty();
        assertThat(m.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({
            "2026-03-01, 2026-03-30",   // one day short
            "2026-03-02, 2026-03-31",   // starts a day late
            "2026-02-01, 2026-03-31",   // two months
            "2026-01-01, 2026-03-31",   // a three-month window
            "2026-02-01, 2026-02-28"})  // the month before
    void declaredAdjustmentForAnotherWindowIsIgnored(String start, String end) {
        EssmsMeasure m = pdsOfFive().declared(DMP, "ANONYMAT", 2, start, end, ARS_REF).measure();

        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 5, 0, 5, "20.0", 70, NON, 3));
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).isEmpty();
    }

    @Test
    void declaredAdjustmentOfAThreeMonthPeriodServesTheThreeMonthWindow() {
        EssmsMeasure m = pdsOfFive().window("2026-03", 3)
                .declared(DMP, "ANONYMAT", 2, "2026-01-01", "2026-03-31", ARS_REF)
                .measure();

        assertThat(m.result(DMP).adjustment()).isEqualTo(2);
        assertThat(m.result(DMP).denominator()).isEqualTo(3L);
    }

    @Test
    void declaredAdjustmentIsSupersededByAPersonLevelCodeOfTheSameMotif() {
        EssmsMeasure m = scenario().category("165")
                .activePerson("P1", "D1").document("DOC1", "D1", "2026-03-05", DEPOSE)
                .activePerson("P2", "D2", "ANONYMAT")
                .activePersons("Q", 3)
                .declared(DMP, "ANONYMAT", 3, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // only the person-level code: raw 5 - 1 = 4; 1/4 = 25.0; manque: (1 + k) x 100 >= 280 -> 2
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 5, 1, 4, "25.0", 70, NON, 2));
        assertThat(m.applied()).containsExactly(
                new AppliedAdjustment(DMP, "ANONYMAT", LABEL, 1, CODE_USAGER, REFERENCE_2025));
        assertThat(m.refused()).singleElement().satisfies(r -> {
            assertThat(r.indicator()).isEqualTo(DMP);
            assertThat(r.source()).isEqualTo(DECLARE);
            assertThat(r.count()).isEqualTo(3);
            assertThat(r.reason()).contains("remplacé");
        });
    }

    @Test
    void personLevelCodeOutsideTheWindowDoesNotSupersedeTheDeclaration() {
        EssmsMeasure m = scenario().category("165")
                .stay("P1", "2024-01-01", "2026-01-31", "ANONYMAT").stay("P1", "2026-02-01", null)
                .accompaniedPersons("Q", 4)
                .declared(DMP, "ANONYMAT", 2, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // raw 5 - 2 = 3
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 5, 2, 3, "0.0", 70, NON, 3));
        assertThat(m.applied()).singleElement().extracting(AppliedAdjustment::source).isEqualTo(DECLARE);
    }

    @Test
    void declaredAdjustmentAddsToPersonLevelCodesOfAnotherMotif() {
        CatalogueEntry sansDmp = new CatalogueEntry("SANS_DMP", "Pas de DMP ouvrable", Set.of(DMP), Set.of(),
                Set.of(Sector.PDS), null, null, "Décision test");
        EssmsMeasure m = pdsOfFive().catalogue(ANONYMAT, sansDmp)
                .activePerson("P6", "D6", "ANONYMAT")
                .declared(DMP, "SANS_DMP", 1, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // raw 6; 1 person (ANONYMAT) + 1 declared (SANS_DMP) = 2 -> 4; 1/4 = 25.0; manque 2
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 6, 2, 4, "25.0", 70, NON, 2));
        assertThat(m.applied()).containsExactlyInAnyOrder(
                new AppliedAdjustment(DMP, "ANONYMAT", LABEL, 1, CODE_USAGER, REFERENCE_2025),
                new AppliedAdjustment(DMP, "SANS_DMP", "Pas de DMP ouvrable", 1, DECLARE, ARS_REF));
    }

    @Test
    void declaredAdjustmentLargerThanTheDenominatorIsClampedAtZeroWithAWarning() {
        EssmsMeasure m = scenario().category("165")
                .accompaniedPersons("P", 2)
                .declared(DMP, "ANONYMAT", 5, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // raw 2, 5 declared: the denominator stops at 0, so 2 are removed; NC, manque 0
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 2, 2, 0, null, 70, NC, 0));
        assertThat(m.warnings()).singleElement().asString().contains("DMP", "(5)", "(2)", "ramené à 0");
    }

    @Test
    void dmpDenominatorSmallerThanItsNumeratorIsReportedAsInconsistent() {
        EssmsMeasure m = scenario().category("165")
                .activePersons("P", 4)
                .document("DOC1", "D-P1", "2026-03-02", DEPOSE).document("DOC2", "D-P2", "2026-03-02", DEPOSE)
                .document("DOC3", "D-P3", "2026-03-02", DEPOSE).document("DOC4", "D-P4", "2026-03-02", DEPOSE)
                .declared(DMP, "ANONYMAT", 2, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // raw 4 - 2 = 2 < numerator 4
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 4, 4, 2, 2, "200.0", 70, OUI, 0));
        assertThat(m.warnings()).singleElement().asString().startsWith("DMP incohérent");
    }

    @Test
    void declaredAdjustmentNotAllowedForTheCategoryIsRefused() {
        EssmsMeasure m = scenario().category("500")
                .activePerson("P1", "D1").document("DOC1", "D1", "2026-03-05", DEPOSE)
                .activePersons("Q", 4)
                .declared(DMP, "ANONYMAT", 2, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // unadjusted: 1/5 = 20.0; manque: (1 + k) x 100 >= 350 -> 3
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 5, 0, 5, "20.0", 70, NON, 3));
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(DECLARE);
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.reason()).contains("non autorisé", "500");
        });
    }

    @Test
    void declaredAdjustmentWithAnUnknownMotifIsRefused() {
        EssmsMeasure m = pdsOfFive().declared(DMP, "TOUT_LE_MONDE", 2, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        assertThat(m.result(DMP).adjustment()).isZero();
        assertThat(m.refused()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("TOUT_LE_MONDE");
            assertThat(r.reason()).contains("inconnu");
        });
    }

    @Test
    void declaredAdjustmentOnAnIndicatorItsMotifDoesNotCoverIsRefused() {
        EssmsMeasure m = pdsOfFive().messages("M", 2, "2026-03-03")
                .declared(MSS, "ANONYMAT", 2, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // MSS unadjusted: 2/5 = 40.0; manque: (2 + k) x 100 >= 350 -> 2
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 2, 5, 0, 5, "40.0", 70, NON, 2));
        assertThat(m.refused()).singleElement().satisfies(r -> {
            assertThat(r.indicator()).isEqualTo(MSS);
            assertThat(r.reason()).contains("ne s'applique pas");
        });
    }

    @Test
    void declaredAdjustmentWhoseMotifIsNotInForceAtTheWindowEndIsRefused() {
        CatalogueEntry expired = new CatalogueEntry("ANONYMAT", LABEL, Set.of(DMP), Set.of(), Set.of(Sector.PDS),
                null, LocalDate.parse("2026-02-28"), REFERENCE_2025);
        EssmsMeasure m = pdsOfFive().catalogue(expired)
                .declared(DMP, "ANONYMAT", 2, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        assertThat(m.result(DMP).adjustment()).isZero();
        assertThat(m.refused()).singleElement().extracting(RefusedAdjustment::reason).asString()
                .contains("non en vigueur");
    }

    @Test
    void declaredAdjustmentOfADuiIndicatorReducesOnlyItsDenominator() {
        CatalogueEntry sansPp = new CatalogueEntry("SANS_PP", "Accueil trop court pour un PP",
                Set.of(PROJET_PERSONNALISE), Set.of(), Set.of(Sector.PDS), null, null, "Décision test");
        EssmsMeasure m = scenario().category("165").catalogue(ANONYMAT, sansPp)
                .activePersons("P", 10)
                .project("PP1", "D-P1", EssmsActivity.ProjectStatus.ACTIF, null, null)
                .project("PP2", "D-P2", EssmsActivity.ProjectStatus.ACTIF, null, null)
                .project("PP3", "D-P3", EssmsActivity.ProjectStatus.ACTIF, null, null)
                .declared(PROJET_PERSONNALISE, "SANS_PP", 7, "2026-03-01", "2026-03-31", ARS_REF)
                .measure();

        // raw 10 - 7 = 3; 3/3 = 100.0
        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 3, 10, 7, 3, "100.0", 90, OUI, 0));
        assertThat(m.result(Indicator.DOSSIERS_ACTIFS).adjustment()).isZero();
        assertThat(m.result(Indicator.AGENDA).adjustment()).isZero();
    }
}
