package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Set;

import static fr.esms.indicateurs.rules.AdjustmentSource.CODE_USAGER;
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
import static fr.esms.indicateurs.rules.Scenario.ANONYMAT;
import static fr.esms.indicateurs.rules.Scenario.REFERENCE_2025;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, "Adjustments": person-level codes ({@code usagers.csv} {@code motifs_exclusion}) remove the
 * person from the denominator of each indicator the code covers, and from its numerator when it counts persons;
 * only when the code is known, allowed for the category and in force at the window's end. Window 2026-03.
 */
class PersonLevelAdjustmentTest {

    private static final String LABEL = "Personne accompagnée sous anonymat";

    /** Five persons with an active record: two under ANONYMAT (one of them fed the DMP), P3 fed the DMP. */
    private static Scenario anonymousPersons(String category) {
        return scenario().category(category)
                .activePerson("P1", "D1", "ANONYMAT").document("DOC1", "D1", "2026-03-05", DEPOSE)
                .activePerson("P2", "D2", "ANONYMAT")
                .activePerson("P3", "D3").document("DOC3", "D3", "2026-03-06", DEPOSE)
                .activePerson("P4", "D4")
                .activePerson("P5", "D5");
    }

    private static CatalogueEntry anonymatInForce(String from, String until) {
        return new CatalogueEntry("ANONYMAT", LABEL, Set.of(DMP), Set.of(), Set.of(Sector.PDS),
                from == null ? null : LocalDate.parse(from), until == null ? null : LocalDate.parse(until),
                REFERENCE_2025);
    }

    @Test
    void anonymatInSectorPdsRemovesThePersonsFromTheDmpDenominatorAndNumerator() {
        EssmsMeasure m = anonymousPersons("165").measure();

        // raw 5, P1 and P2 removed -> 3; numerator P1 P3 minus P1 -> 1; 1/3 = 33.3
        // manque: (1 + k) x 100 >= 70 x 3 = 210 -> k = 2
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 5, 2, 3, "33.3", 70, NON, 2));
        assertThat(m.applied()).containsExactly(
                new AppliedAdjustment(DMP, "ANONYMAT", LABEL, 2, CODE_USAGER, REFERENCE_2025));
        assertThat(m.refused()).isEmpty();
        assertThat(m.sector()).isEqualTo(Sector.PDS);
    }

    @Test
    void anonymatOnlyReducesTheIndicatorsItCovers() {
        EssmsMeasure m = anonymousPersons("165").messages("M", 4, "2026-03-10").measure();

        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 5, 5, 0, 5, "100.0", 90, OUI, 0));
        assertThat(Row.of(m, PROJET_PERSONNALISE).ajustement()).isZero();
        assertThat(Row.of(m, AGENDA).ajustement()).isZero();
        // 4 messages / 5 = 80.0
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 4, 5, 0, 5, "80.0", 70, OUI, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"165", "178", "180", "197", "213", "608"})
    void anonymatIsAllowedForEveryPdsCategory(String category) {
        EssmsMeasure m = anonymousPersons(category).measure();

        assertThat(m.result(DMP).adjustment()).isEqualTo(2);
        assertThat(m.refused()).isEmpty();
    }

    @Test
    void anonymatInAnEhpadIsRefusedAndTheFigureIsUnadjusted() {
        EssmsMeasure m = anonymousPersons("500").measure();

        // unadjusted: P1 P3 of 5 = 40.0; manque: (2 + k) x 100 >= 350 -> k = 2
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 2, 5, 0, 5, "40.0", 70, NON, 2));
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).singleElement().satisfies(r -> {
            assertThat(r.indicator()).isEqualTo(DMP);
            assertThat(r.code()).isEqualTo("ANONYMAT");
            assertThat(r.source()).isEqualTo(CODE_USAGER);
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.reason()).contains("non autorisé", "500", "PA");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"255", "354", "177", "214", "340", "999"})
    void anonymatIsRefusedOutsideSectorPds(String category) {
        EssmsMeasure m = anonymousPersons(category).measure();

        assertThat(m.result(DMP).adjustment()).isZero();
        assertThat(m.result(DMP).denominator()).isEqualTo(5L);
        assertThat(m.refused()).singleElement().extracting(RefusedAdjustment::code).isEqualTo("ANONYMAT");
    }

    @Test
    void unknownCodeIsRefusedAndNothingIsAdjusted() {
        EssmsMeasure m = scenario().category("165")
                .activePerson("P1", "D1", "INCONNU")
                .activePerson("P2", "D2", "INCONNU")
                .activePerson("P3", "D3")
                .measure();

        assertThat(m.results()).allSatisfy(r -> assertThat(r.adjustment()).isZero());
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).singleElement().satisfies(r -> {
            assertThat(r.indicator()).isNull();
            assertThat(r.code()).isEqualTo("INCONNU");
            assertThat(r.source()).isEqualTo(CODE_USAGER);
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.reason()).contains("inconnu");
        });
    }

    @Test
    void codeNoLongerInForceAtTheWindowEndIsRefused() {
        EssmsMeasure m = anonymousPersons("165").catalogue(anonymatInForce(null, "2026-02-28")).measure();

        assertThat(m.result(DMP).adjustment()).isZero();
        assertThat(m.refused()).singleElement().extracting(RefusedAdjustment::reason).asString()
                .contains("non en vigueur", "2026-03-31");
    }

    @Test
    void codeInForceAtTheWindowStartButNotAtItsEndIsRefused() {
        EssmsMeasure m = anonymousPersons("165").catalogue(anonymatInForce(null, "2026-03-15")).measure();

        assertThat(m.result(DMP).adjustment()).isZero();
        assertThat(m.refused()).hasSize(1);
    }

    @Test
    void codeNotYetInForceAtTheWindowEndIsRefused() {
        EssmsMeasure m = anonymousPersons("165").catalogue(anonymatInForce("2026-04-01", null)).measure();

        assertThat(m.result(DMP).adjustment()).isZero();
        assertThat(m.refused()).singleElement().extracting(RefusedAdjustment::reason).asString()
                .contains("non en vigueur");
    }

    @Test
    void codeInForceOnTheWindowEndDayIsApplied() {
        assertThat(anonymousPersons("165").catalogue(anonymatInForce(null, "2026-03-31")).measure()
                .result(DMP).adjustment()).isEqualTo(2);
        assertThat(anonymousPersons("165").catalogue(anonymatInForce("2026-03-31", null)).measure()
                .result(DMP).adjustment()).isEqualTo(2);
    }

    @Test
    void codeInForceAtTheEndOfAThreeMonthWindowIsApplied() {
        // window 2026-01-01..2026-03-31; the code comes into force on 2026-03-01: in force at the window's end
        EssmsMeasure m = anonymousPersons("165").window("2026-03", 3)
                .catalogue(anonymatInForce("2026-03-01", null)).measure();

        assertThat(m.result(DMP).adjustment()).isEqualTo(2);
    }

    @Test
    void codeOnAStayOutsideTheWindowIsIgnored() {
        EssmsMeasure m = scenario().category("165")
                .stay("P1", "2020-01-01", "2025-12-31", "ANONYMAT")  // former stay, with the code
                .stay("P1", "2026-01-01", null)                      // current stay, without it
                .accompanied("P2")
                .measure();

        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 2, 0, 2, "0.0", 70, NON, 2));
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).isEmpty();
    }

    @Test
    void codeOnAnyStayOverlappingTheWindowApplies() {
        EssmsMeasure m = scenario().category("165")
                .stay("P1", "2025-01-01", "2026-03-10", "ANONYMAT")  // left on 2026-03-10 with the code
                .stay("P1", "2026-03-20", null)                      // came back without it
                .accompanied("P2")
                .measure();

        assertThat(m.result(DMP).adjustment()).isEqualTo(1);
    }

    @Test
    void personWithSeveralCodesIsRemovedOnce() {
        CatalogueEntry sansDmp = new CatalogueEntry("SANS_DMP", "Pas de DMP ouvrable", Set.of(DMP), Set.of(),
                Set.of(Sector.PDS), null, null, "Décision DNS/CNSA test");
        EssmsMeasure m = scenario().category("165").catalogue(ANONYMAT, sansDmp)
                .stay("P1", "2025-01-01", null, "ANONYMAT", "SANS_DMP")
                .stay("P1", "2025-06-01", null, "ANONYMAT")
                .accompanied("P2")
                .accompanied("P3")
                .measure();

        // raw 3, P1 removed once -> 2
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 3, 1, 2, "0.0", 70, NON, 2));
        assertThat(m.applied()).extracting(AppliedAdjustment::code).containsExactlyInAnyOrder("ANONYMAT", "SANS_DMP");
    }

    @Test
    void mssCodeReducesTheDenominatorButNotTheMessagesCounted() {
        CatalogueEntry sansMessagerie = new CatalogueEntry("SANS_MESSAGERIE", "Sans messagerie", Set.of(MSS),
                Set.of(), Set.of(Sector.PA), null, null, "Décision test");
        EssmsMeasure m = scenario().catalogue(ANONYMAT, sansMessagerie)
                .accompanied("P1", "SANS_MESSAGERIE")
                .accompaniedPersons("Q", 3)
                .messages("M", 3, "2026-03-10")
                .measure();

        // raw 4, 1 removed -> 3; the 3 messages stay: 3/3 = 100.0
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 3, 4, 1, 3, "100.0", 70, OUI, 0));
        assertThat(m.applied()).containsExactly(
                new AppliedAdjustment(MSS, "SANS_MESSAGERIE", "Sans messagerie", 1, CODE_USAGER, "Décision test"));
    }

    @Test
    void codeCoveringTheDuiIndicatorsRemovesThePersonFromEachPopulation() {
        // allowed by category (500) rather than by sector
        CatalogueEntry horsDui = new CatalogueEntry("HORS_DUI", "Hors DUI",
                Set.of(DOSSIERS_ACTIFS, PROJET_PERSONNALISE, AGENDA), Set.of("500"), Set.of(), null, null, "Décision test");
        EssmsMeasure m = scenario().catalogue(ANONYMAT, horsDui)
                .activePerson("P1", "D1", "HORS_DUI")
                .project("PP1", "D1", ACTIF, null, null).event("E1", "D1", "2026-03-03", REALISE)
                .activePerson("P2", "D2").project("PP2", "D2", ACTIF, null, null)
                .accompanied("P3", "HORS_DUI")
                .accompanied("P4")
                .measure();

        // DOSSIERS_ACTIFS: raw 4 (P1..P4), P1 P3 removed -> 2; active P1 P2 minus P1 -> 1; 50.0
        //   manque: (1 + k) x 100 >= 180 -> 1
        assertThat(Row.of(m, DOSSIERS_ACTIFS))
                .isEqualTo(Row.rated(DOSSIERS_ACTIFS, 1, 4, 2, 2, "50.0", 90, NON, 1));
        // PROJET_PERSONNALISE: raw 2 (P1 P2), P1 removed (P3 has no active record) -> 1; P2 -> 1/1
        assertThat(Row.of(m, PROJET_PERSONNALISE))
                .isEqualTo(Row.rated(PROJET_PERSONNALISE, 1, 2, 1, 1, "100.0", 90, OUI, 0));
        // AGENDA: raw 2, P1 removed -> 1; only P1 had an event -> 0/1, manque 1
        assertThat(Row.of(m, AGENDA)).isEqualTo(Row.rated(AGENDA, 0, 2, 1, 1, "0.0", 90, NON, 1));
        assertThat(m.applied()).containsExactlyInAnyOrder(
                new AppliedAdjustment(DOSSIERS_ACTIFS, "HORS_DUI", "Hors DUI", 2, CODE_USAGER, "Décision test"),
                new AppliedAdjustment(PROJET_PERSONNALISE, "HORS_DUI", "Hors DUI", 1, CODE_USAGER, "Décision test"),
                new AppliedAdjustment(AGENDA, "HORS_DUI", "Hors DUI", 1, CODE_USAGER, "Décision test"));
    }

    @Test
    void codeAllowedForACategoryIsRefusedForAnotherCategoryOfTheSameSector() {
        CatalogueEntry horsDui = new CatalogueEntry("HORS_DUI", "Hors DUI", Set.of(DOSSIERS_ACTIFS), Set.of("500"),
                Set.of(), null, null, "Décision test");
        EssmsMeasure m = scenario().category("501").catalogue(ANONYMAT, horsDui)
                .activePerson("P1", "D1", "HORS_DUI")
                .measure();

        assertThat(m.result(DOSSIERS_ACTIFS).adjustment()).isZero();
        assertThat(m.refused()).singleElement().extracting(RefusedAdjustment::reason).asString()
                .contains("non autorisé", "501");
    }
}
