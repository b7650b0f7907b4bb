package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * indicateurs.md, "The five indicators with a target", "Measure month and window" and "Rules versions": the
 * 2025 version, its catalogue and its exemptions.
 */
class RulesVersionTest {

    private final RulesVersion v2025 = RulesVersion.v2025(new AdjustmentCatalogue(List.of(Scenario.ANONYMAT)));

    @Test
    void targetsOf2025Are90ForTheDuiAnd70ForTheServices() {
        assertThat(v2025.code()).isEqualTo("2025");
        assertThat(v2025.target(Indicator.DOSSIERS_ACTIFS)).isEqualTo(90);
        assertThat(v2025.target(Indicator.PROJET_PERSONNALISE)).isEqualTo(90);
        assertThat(v2025.target(Indicator.AGENDA)).isEqualTo(90);
        assertThat(v2025.target(Indicator.MSS)).isEqualTo(70);
        assertThat(v2025.target(Indicator.DMP)).isEqualTo(70);
    }

    @Test
    void countersHaveNoTarget() {
        assertThat(v2025.target(Indicator.EPRESCRIPTION)).isNull();
        assertThat(v2025.target(Indicator.EPARCOURS)).isNull();
        assertThat(Indicator.EPRESCRIPTION.isRated()).isFalse();
        assertThat(Indicator.EPARCOURS.isRated()).isFalse();
        assertThat(Indicator.DMP.isRated()).isTrue();
    }

    @Test
    void defaultWindowsOf2025() {
        assertThat(v2025.monthlyWindow()).as("monthly follow-up").isEqualTo(1);
        assertThat(v2025.firstMeasureWindow()).as("first measure of a project").isEqualTo(3);
        assertThat(v2025.finalDuiWindow()).as("final measure, DUI indicators").isEqualTo(3);
        assertThat(v2025.finalServicesWindowDefault()).as("final measure, MSS and DMP, default").isEqualTo(3);
        assertThat(v2025.finalServicesWindowMin()).isEqualTo(3);
        assertThat(v2025.finalServicesWindowMax()).isEqualTo(6);
    }

    @Test
    void onlyMssAndDmpOfPjmAreExempt() {
        assertThat(v2025.isExempt(Indicator.MSS, Sector.PJM)).isTrue();
        assertThat(v2025.isExempt(Indicator.DMP, Sector.PJM)).isTrue();
        assertThat(v2025.isExempt(Indicator.DOSSIERS_ACTIFS, Sector.PJM)).isFalse();
        assertThat(v2025.isExempt(Indicator.PROJET_PERSONNALISE, Sector.PJM)).isFalse();
        assertThat(v2025.isExempt(Indicator.AGENDA, Sector.PJM)).isFalse();
        for (Sector other : Set.of(Sector.PA, Sector.PH, Sector.DOM, Sector.PDE, Sector.PDS, Sector.AHI,
                Sector.AUTRE)) {
            assertThat(v2025.isExempt(Indicator.MSS, other)).as("MSS " + other).isFalse();
            assertThat(v2025.isExempt(Indicator.DMP, other)).as("DMP " + other).isFalse();
        }
    }

    @Test
    void defaultCatalogueHoldsAnonymatForDmpInSectorPds() {
        CatalogueEntry anonymat = v2025.catalogue().find("ANONYMAT").orElseThrow();
        assertThat(anonymat.indicators()).containsExactly(Indicator.DMP);
        assertThat(anonymat.allowedFor("165", Sector.PDS)).isTrue();
        assertThat(anonymat.allowedFor("500", Sector.PA)).isFalse();
        assertThat(v2025.catalogue().find("INCONNU")).isEmpty();
    }

    @Test
    void catalogueEntryIsAllowedByCategoryOrBySector() {
        CatalogueEntry byCategory = new CatalogueEntry("X", "x", Set.of(Indicator.MSS), Set.of("214"), Set.of(),
                null, null, "ref");
        assertThat(byCategory.allowedFor("214", Sector.AHI)).isTrue();
        assertThat(byCategory.allowedFor("219", Sector.AHI)).isFalse();
    }

    @Test
    void catalogueEntryIsInForceFromAndUntilItsDatesInclusive() {
        CatalogueEntry entry = new CatalogueEntry("X", "x", Set.of(Indicator.DMP), Set.of(), Set.of(Sector.PDS),
                LocalDate.parse("2025-07-01"), LocalDate.parse("2026-06-30"), "ref");
        assertThat(entry.inForceOn(LocalDate.parse("2025-06-30"))).isFalse();
        assertThat(entry.inForceOn(LocalDate.parse("2025-07-01"))).isTrue();
        assertThat(entry.inForceOn(LocalDate.parse("2026-06-30"))).isTrue();
        assertThat(entry.inForceOn(LocalDate.parse("2026-07-01"))).isFalse();
    }

    @Test
    void catalogueRefusesTwoEntriesWithTheSameCode() {
        assertThatThrownBy(() -> new AdjustmentCatalogue(List.of(Scenario.ANONYMAT, Scenario.ANONYMAT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANONYMAT");
    }

    @Test
    void theFingerprintFollowsTheContentNotTheInstance() {
        RulesVersion same = RulesVersion.v2025(new AdjustmentCatalogue(List.of(Scenario.ANONYMAT)));
        RulesVersion withoutCatalogue = RulesVersion.v2025(new AdjustmentCatalogue(List.of()));
        java.util.Map<Indicator, Integer> targets = new java.util.EnumMap<>(v2025.targets());
        targets.put(Indicator.DMP, 60);
        RulesVersion otherTarget = new RulesVersion("2025", targets, 1, 3, 3, 3, 3, 6, v2025.catalogue(),
                Set.of(Sector.PJM));

        assertThat(v2025.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(same.fingerprint());
        assertThat(withoutCatalogue.fingerprint()).isNotEqualTo(v2025.fingerprint());
        assertThat(otherTarget.fingerprint()).isNotEqualTo(v2025.fingerprint());
    }
}
