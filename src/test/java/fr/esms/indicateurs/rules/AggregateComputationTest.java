package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static fr.esms.indicateurs.rules.AdjustmentSource.AGREGAT;
import static fr.esms.indicateurs.rules.AdjustmentSource.DECLARE;
import static fr.esms.indicateurs.rules.Attainment.EXEMPTE;
import static fr.esms.indicateurs.rules.Attainment.NC;
import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.Attainment.OUI;
import static fr.esms.indicateurs.rules.Indicator.AGENDA;
import static fr.esms.indicateurs.rules.Indicator.DMP;
import static fr.esms.indicateurs.rules.Indicator.DOSSIERS_ACTIFS;
import static fr.esms.indicateurs.rules.Indicator.EPARCOURS;
import static fr.esms.indicateurs.rules.Indicator.EPRESCRIPTION;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static fr.esms.indicateurs.rules.Scenario.ANONYMAT;
import static fr.esms.indicateurs.rules.Scenario.FINESS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IndicatorCalculator#computeFromAggregate}: the indicators of an ESSMS from the editor's own counts
 * ({@code agregats.csv}) for exactly the window. Every expected figure is computed by hand in the comments.
 * Window 2026-03 (2026-03-01..2026-03-31), rules version 2025 with its default catalogue (ANONYMAT: DMP, PDS).
 */
class AggregateComputationTest {

    private static final MeasureWindow MARCH = new MeasureWindow(YearMonth.of(2026, 3), 1);
    private static final String EHPAD = "500";
    private static final String CSAPA = "165";
    private static final String MANDATAIRE = "340";
    private static final String ARS_REF = "ARS Bretagne 2026-017";
    private static final String EDITOR_REF = "catalogue d'aménagements 2025 : ANONYMAT";

    private static EssmsMeasure measure(String category, AggregateCounts counts, DeclaredAdjustment... declared) {
        return measure(List.of(ANONYMAT), category, counts, declared);
    }

    private static EssmsMeasure measure(List<CatalogueEntry> catalogue, String category, AggregateCounts counts,
                                        DeclaredAdjustment... declared) {
        return new IndicatorCalculator(RulesVersion.v2025(new AdjustmentCatalogue(catalogue)))
                .computeFromAggregate(FINESS, category, MARCH, counts, List.of(declared));
    }

    /** persons, active, with PP, with agenda, MSS messages, DMP fed, MSS exclusions, DMP exclusions. */
    private static AggregateCounts counts(long persons, long active, long pp, long agenda, long mss, long dmp,
                                          long mssExclusions, long dmpExclusions) {
        return new AggregateCounts(persons, active, pp, agenda, mss, dmp, mssExclusions, dmpExclusions);
    }

    private static DeclaredAdjustment declared(Indicator indicator, int count, String start, String end) {
        return new DeclaredAdjustment(indicator, "ANONYMAT", count, LocalDate.parse(start), LocalDate.parse(end),
                ARS_REF);
    }

    @Test
    void aConsistentRowGivesTheSameRowsAsRecordsWould() {
        EssmsMeasure m = measure(EHPAD, counts(100, 90, 85, 80, 120, 60, 0, 0));

        assertThat(m.finess()).isEqualTo(FINESS);
        assertThat(m.window()).isEqualTo(MARCH);
        assertThat(m.rulesVersion()).isEqualTo("2025");
        assertThat(m.sector()).isEqualTo(Sector.PA);
        assertThat(m.results()).map(Row::of).containsExactly(
                // 90/100 = 90.0; 9000 >= 90 x 100: reached exactly
                Row.rated(DOSSIERS_ACTIFS, 90, 100, 0, 100, "90.0", 90, OUI, 0),
                // 85/90 = 94.44 -> 94.4
                Row.rated(PROJET_PERSONNALISE, 85, 90, 0, 90, "94.4", 90, OUI, 0),
                // 80/90 = 88.89 -> 88.9; 8000 < 8100, manque (8100 - 8000) / 100 = 1
                Row.rated(AGENDA, 80, 90, 0, 90, "88.9", 90, NON, 1),
                // messages, not persons: 120/100 = 120.0, never capped
                Row.rated(MSS, 120, 100, 0, 100, "120.0", 70, OUI, 0),
                // 60/100 = 60.0; manque (7000 - 6000) / 100 = 10
                Row.rated(DMP, 60, 100, 0, 100, "60.0", 70, NON, 10),
                // aggregates carry no counter
                Row.counter(EPRESCRIPTION, 0),
                Row.counter(EPARCOURS, 0));
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).isEmpty();
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void attainmentIsDecidedOnExactIntegersNeverOnTheRoundedRate() {
        EssmsMeasure m = measure(EHPAD, counts(1000, 899, 810, 809, 700, 699, 0, 0));

        // 899/1000 = 89.9: 89900 < 90000, manque 1
        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 899, 1000, 0, 1000, "89.9",
                90, NON, 1));
        // 810/899 = 90.10: 81000 >= 80910
        assertThat(Row.of(m, PROJET_PERSONNALISE)).isEqualTo(Row.rated(PROJET_PERSONNALISE, 810, 899, 0, 899,
                "90.1", 90, OUI, 0));
        // 809/899 = 89.988 displayed 90.0, yet 80900 < 80910: not reached, manque ceil(10 / 100) = 1
        assertThat(Row.of(m, AGENDA)).isEqualTo(Row.rated(AGENDA, 809, 899, 0, 899, "90.0", 90, NON, 1));
        // 700/1000 = 70.0 reached exactly; 699/1000 = 69.9 not, manque 1
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 700, 1000, 0, 1000, "70.0", 70, OUI, 0));
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 699, 1000, 0, 1000, "69.9", 70, NON, 1));
    }

    @Test
    void zeroDenominatorsAreNotComputableNeverZeroNorHundredPercent() {
        EssmsMeasure nothing = measure(EHPAD, counts(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(nothing.results()).map(Row::of).containsExactly(
                Row.rated(DOSSIERS_ACTIFS, 0, 0, 0, 0, null, 90, NC, 0),
                Row.rated(PROJET_PERSONNALISE, 0, 0, 0, 0, null, 90, NC, 0),
                Row.rated(AGENDA, 0, 0, 0, 0, null, 90, NC, 0),
                Row.rated(MSS, 0, 0, 0, 0, null, 70, NC, 0),
                Row.rated(DMP, 0, 0, 0, 0, null, 70, NC, 0),
                Row.counter(EPRESCRIPTION, 0),
                Row.counter(EPARCOURS, 0));

        // Persons accompanied but no active record: 0/5 = 0.0 (manque 450 / 100 -> 5); PP and AGENDA are NC.
        EssmsMeasure noRecord = measure(EHPAD, counts(5, 0, 0, 0, 0, 0, 0, 0));
        assertThat(Row.of(noRecord, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 0, 5, 0, 5, "0.0", 90,
                NON, 5));
        assertThat(Row.of(noRecord, PROJET_PERSONNALISE)).isEqualTo(Row.rated(PROJET_PERSONNALISE, 0, 0, 0, 0, null,
                90, NC, 0));
        assertThat(Row.of(noRecord, AGENDA)).isEqualTo(Row.rated(AGENDA, 0, 0, 0, 0, null, 90, NC, 0));
    }

    @Test
    void pjmServicesAreExemptedFromMssAndDmpWhateverTheirDenominator() {
        EssmsMeasure m = measure(MANDATAIRE, counts(10, 9, 9, 9, 1, 2, 0, 0));
        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 9, 10, 0, 10, "90.0", 90, OUI,
                0));
        // 1/10 = 10.0 and 2/10 = 20.0: computed and shown, no target, EXEMPTE, manque 0
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 1, 10, 0, 10, "10.0", null, EXEMPTE, 0));
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 2, 10, 0, 10, "20.0", null, EXEMPTE, 0));
        assertThat(m.reachesAllTargets()).isTrue();

        EssmsMeasure empty = measure(MANDATAIRE, counts(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(Row.of(empty, MSS)).isEqualTo(Row.rated(MSS, 0, 0, 0, 0, null, null, EXEMPTE, 0));
        assertThat(Row.of(empty, DMP)).isEqualTo(Row.rated(DMP, 0, 0, 0, 0, null, null, EXEMPTE, 0));
    }

    @Test
    void dmpExclusionsOfAPdsServiceAreAppliedWithTheCatalogueCodesAsReference() {
        EssmsMeasure m = measure(CSAPA, counts(20, 18, 18, 18, 14, 10, 0, 5));

        // 10 / (20 - 5) = 66.67 -> 66.7; 1000 < 1050, manque (1050 - 1000) / 100 -> 1
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 10, 20, 5, 15, "66.7", 70, NON, 1));
        // MSS is not touched by DMP exclusions: 14/20 = 70.0
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 14, 20, 0, 20, "70.0", 70, OUI, 0));
        assertThat(m.applied()).containsExactly(new AppliedAdjustment(DMP, "exclusions_dmp",
                "Exclusions comptées par l'éditeur (agregats.csv)", 5, AGREGAT, EDITOR_REF));
        assertThat(m.refused()).isEmpty();
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void mssExclusionsAreRefusedWhenNoCatalogueEntryCoversMss() {
        EssmsMeasure m = measure(CSAPA, counts(20, 18, 18, 18, 10, 10, 4, 0));

        // unadjusted: 10/20 = 50.0; manque (1400 - 1000) / 100 = 4
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 10, 20, 0, 20, "50.0", 70, NON, 4));
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).containsExactly(new RefusedAdjustment(MSS, "exclusions_mss", AGREGAT, 4,
                "aucun motif du catalogue d'aménagements 2025 n'autorise d'ajuster l'indicateur MSS pour la"
                        + " catégorie FINESS 165 (secteur PDS) au 2026-03-31 : exclusions de l'éditeur non appliquées,"
                        + " chiffre non ajusté"));
    }

    @Test
    void dmpExclusionsOutsideThePdsSectorAreRefusedAndTheFigureStaysUnadjusted() {
        EssmsMeasure m = measure(EHPAD, counts(20, 18, 18, 18, 14, 10, 0, 5));

        // unadjusted: 10/20 = 50.0; manque (1400 - 1000) / 100 = 4
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 10, 20, 0, 20, "50.0", 70, NON, 4));
        assertThat(m.applied()).isEmpty();
        assertThat(m.refused()).containsExactly(new RefusedAdjustment(DMP, "exclusions_dmp", AGREGAT, 5,
                "aucun motif du catalogue d'aménagements 2025 n'autorise d'ajuster l'indicateur DMP pour la"
                        + " catégorie FINESS 500 (secteur PA) au 2026-03-31 : exclusions de l'éditeur non appliquées,"
                        + " chiffre non ajusté"));
    }

    @Test
    void anEntryNotInForceAtTheWindowEndDoesNotAllowEditorExclusions() {
        CatalogueEntry expired = new CatalogueEntry("ANONYMAT", "Personne accompagnée sous anonymat", Set.of(DMP),
                Set.of(), Set.of(Sector.PDS), null, LocalDate.of(2026, 3, 30), "ancienne décision");
        CatalogueEntry byCategory = new CatalogueEntry("SANS_NUMERIQUE", "Sans accès au numérique", Set.of(MSS, DMP),
                Set.of("165"), Set.of(), LocalDate.of(2026, 1, 1), null, "décision 2026");

        EssmsMeasure onlyExpired = measure(List.of(expired), CSAPA, counts(20, 18, 18, 18, 14, 10, 0, 5));
        assertThat(Row.of(onlyExpired, DMP)).isEqualTo(Row.rated(DMP, 10, 20, 0, 20, "50.0", 70, NON, 4));
        assertThat(onlyExpired.refused()).extracting(RefusedAdjustment::code).containsExactly("exclusions_dmp");

        // An entry allowed for the category, in force, covering both: both exclusions apply, its code as reference.
        EssmsMeasure both = measure(List.of(expired, byCategory), CSAPA, counts(20, 18, 18, 18, 14, 10, 6, 5));
        // MSS 14 / (20 - 6) = 100.0; DMP 10 / 15 = 66.7
        assertThat(Row.of(both, MSS)).isEqualTo(Row.rated(MSS, 14, 20, 6, 14, "100.0", 70, OUI, 0));
        assertThat(Row.of(both, DMP)).isEqualTo(Row.rated(DMP, 10, 20, 5, 15, "66.7", 70, NON, 1));
        assertThat(both.applied()).containsExactly(
                new AppliedAdjustment(MSS, "exclusions_mss", IndicatorCalculator.EDITOR_EXCLUSIONS, 6, AGREGAT,
                        "catalogue d'aménagements 2025 : SANS_NUMERIQUE"),
                new AppliedAdjustment(DMP, "exclusions_dmp", IndicatorCalculator.EDITOR_EXCLUSIONS, 5, AGREGAT,
                        "catalogue d'aménagements 2025 : SANS_NUMERIQUE"));
        assertThat(both.refused()).isEmpty();
    }

    @Test
    void declaredAdjustmentsApplyForTheExactWindowWhenTheEditorExcludedNobody() {
        EssmsMeasure m = measure(CSAPA, counts(20, 18, 18, 18, 14, 10, 0, 0),
                declared(DMP, 2, "2026-03-01", "2026-03-31"),
                declared(DMP, 7, "2026-01-01", "2026-03-31"));

        // only the exact window's: 10 / (20 - 2) = 55.56 -> 55.6; manque (1260 - 1000) / 100 -> 3
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 10, 20, 2, 18, "55.6", 70, NON, 3));
        assertThat(m.applied()).containsExactly(new AppliedAdjustment(DMP, "ANONYMAT",
                "Personne accompagnée sous anonymat", 2, DECLARE, ARS_REF));
        assertThat(m.refused()).isEmpty();
    }

    @Test
    void declaredAdjustmentsAreRefusedOnAnIndicatorTheEditorExclusionsAlreadyAdjusted() {
        EssmsMeasure m = measure(CSAPA, counts(20, 18, 18, 18, 14, 10, 0, 5),
                declared(DMP, 2, "2026-03-01", "2026-03-31"));

        // the editor's 5 only, never 5 + 2: 10 / 15 = 66.7
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 10, 20, 5, 15, "66.7", 70, NON, 1));
        assertThat(m.applied()).containsExactly(new AppliedAdjustment(DMP, "exclusions_dmp",
                IndicatorCalculator.EDITOR_EXCLUSIONS, 5, AGREGAT, EDITOR_REF));
        assertThat(m.refused()).containsExactly(new RefusedAdjustment(DMP, "ANONYMAT", DECLARE, 2,
                "remplacé par les exclusions comptées par l'éditeur (agregats.csv) pour DMP : les mêmes personnes"
                        + " ne sont pas retirées deux fois"));
    }

    @Test
    void refusedEditorExclusionsDoNotBlockDeclaredAdjustments() {
        // EHPAD: the editor's DMP exclusions are refused, so nothing was removed twice... but ANONYMAT is not
        // allowed for an EHPAD either: the declared one is refused for its own reason.
        EssmsMeasure m = measure(EHPAD, counts(20, 18, 18, 18, 14, 10, 0, 5),
                declared(DMP, 2, "2026-03-01", "2026-03-31"));
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 10, 20, 0, 20, "50.0", 70, NON, 4));
        assertThat(m.refused()).extracting(RefusedAdjustment::code, RefusedAdjustment::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("exclusions_dmp", "aucun motif du catalogue d'aménagements 2025"
                        + " n'autorise d'ajuster l'indicateur DMP pour la catégorie FINESS 500 (secteur PA) au"
                        + " 2026-03-31 : exclusions de l'éditeur non appliquées, chiffre non ajusté"),
                org.assertj.core.groups.Tuple.tuple("ANONYMAT",
                        "motif ANONYMAT non autorisé pour la catégorie FINESS 500 (secteur PA)"));
    }

    @Test
    void theDenominatorNeverGoesBelowZero() {
        // declared 6 on 4 persons: denominator 0 (NC), ajustement shows what was really removed (4)
        EssmsMeasure declaredTooMany = measure(CSAPA, counts(4, 4, 4, 4, 0, 3, 0, 0),
                declared(DMP, 6, "2026-03-01", "2026-03-31"));
        assertThat(Row.of(declaredTooMany, DMP)).isEqualTo(Row.rated(DMP, 3, 4, 4, 0, null, 70, NC, 0));
        assertThat(declaredTooMany.warnings()).containsExactly(
                "DMP : aménagements (6) supérieurs au dénominateur brut (4), dénominateur ramené à 0",
                "DMP incohérent : dénominateur (0) inférieur au numérateur (3)");

        // every person excluded by the editor: 4 - 4 = 0, NC; the DMP numerator above it is reported
        EssmsMeasure allExcluded = measure(CSAPA, counts(4, 4, 4, 4, 0, 3, 0, 4));
        assertThat(Row.of(allExcluded, DMP)).isEqualTo(Row.rated(DMP, 3, 4, 4, 0, null, 70, NC, 0));
        assertThat(allExcluded.warnings()).containsExactly(
                "DMP incohérent : dénominateur (0) inférieur au numérateur (3)");
    }
}
