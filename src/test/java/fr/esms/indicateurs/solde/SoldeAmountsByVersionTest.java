package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Project.FundingType;
import fr.esms.indicateurs.referential.RulesLoader;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.RulesLibrary;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The amounts of each built-in rules version, from its {@code montants.csv}, for projects of 49, 50 and 51 ESSMS
 * that reach every target. 2022 (seed 001, "ACQUISITION / RENOUVELLEMENT DU DUI"): 21 500 € = 7 000 usage +
 * 14 500 software when the software is Ségur-referenced, 19 000 € = 7 000 + 12 000 when not; from the 50th,
 * 5 000 € = 2 000 + 3 000 or 3 000 € = 2 000 + 1 000; montée de version 5 000 € usage, 2 000 € from the 50th.
 */
class SoldeAmountsByVersionTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final RulesLibrary BUILT_IN = new RulesLoader().builtIn();
    final SoldeRules rules2022 = new SoldeRules(new IndicatorCalculator(BUILT_IN.find("2022").orElseThrow()));
    final SoldeRules rules2025 = new SoldeRules(new IndicatorCalculator(BUILT_IN.find("2025").orElseThrow()));

    @Test
    void acquisition2022WithASegurReferencedSoftware() {
        // 49 x (7 000 + 14 500) = 343 000 + 710 500 = 1 053 500.
        assertAmounts(project(rules2022, 49, FundingType.ACQUISITION, true), 343_000, 710_500, 1_053_500, 526_750);
        // The 50th: + 2 000 + 3 000.
        assertAmounts(project(rules2022, 50, FundingType.ACQUISITION, true), 345_000, 713_500, 1_058_500, 529_250);
        // The 51st: as much again.
        assertAmounts(project(rules2022, 51, FundingType.ACQUISITION, true), 347_000, 716_500, 1_063_500, 531_750);
    }

    @Test
    void acquisition2022WithASoftwareNotReferenced() {
        // 49 x (7 000 + 12 000) = 343 000 + 588 000 = 931 000.
        assertAmounts(project(rules2022, 49, FundingType.ACQUISITION, false), 343_000, 588_000, 931_000, 465_500);
        // The 50th: + 2 000 + 1 000.
        assertAmounts(project(rules2022, 50, FundingType.ACQUISITION, false), 345_000, 589_000, 934_000, 467_000);
        assertAmounts(project(rules2022, 51, FundingType.ACQUISITION, false), 347_000, 590_000, 937_000, 468_500);
    }

    @Test
    void theSeedsExampleOf64EssmsNotReferenced() {
        // Seed 001: "J'ai 64 ESSMS alors j'obtiens 973 k€ dont 371 k€ pour les usages et 602 k€ pour le logiciel"
        // is 49 x 19 k€ + 14 x 3 k€ (63 ESSMS counted); with 64: 49 x 19 000 + 15 x 3 000 = 976 000.
        assertAmounts(project(rules2022, 63, FundingType.ACQUISITION, false), 371_000, 602_000, 973_000, 486_500);
        assertAmounts(project(rules2022, 64, FundingType.ACQUISITION, false), 373_000, 603_000, 976_000, 488_000);
    }

    @Test
    void monteeDeVersion2022IsUsageOnlyWhateverTheReferencing() {
        // 49 x 5 000 = 245 000; from the 50th 2 000 each; the seed's 72 ESSMS: 245 000 + 23 x 2 000 = 291 000.
        assertAmounts(project(rules2022, 49, FundingType.MONTEE_VERSION, null), 245_000, 0, 245_000, 122_500);
        assertAmounts(project(rules2022, 50, FundingType.MONTEE_VERSION, null), 247_000, 0, 247_000, 123_500);
        assertAmounts(project(rules2022, 51, FundingType.MONTEE_VERSION, true), 249_000, 0, 249_000, 124_500);
        assertAmounts(project(rules2022, 72, FundingType.MONTEE_VERSION, false), 291_000, 0, 291_000, 145_500);
    }

    @Test
    void acquisition2025DoesNotDependOnTheReferencing() {
        // 49 x (7 000 + 14 000) = 1 029 000; then 2 000 + 3 000 each.
        assertAmounts(project(rules2025, 49, FundingType.ACQUISITION, null), 343_000, 686_000, 1_029_000, 514_500);
        assertAmounts(project(rules2025, 50, FundingType.ACQUISITION, true), 345_000, 689_000, 1_034_000, 517_000);
        assertAmounts(project(rules2025, 51, FundingType.ACQUISITION, false), 347_000, 692_000, 1_039_000, 519_500);
    }

    @Test
    void aSolde2022OfAnAcquisitionWithoutTheReferencingIsRefused() {
        assertThatThrownBy(() -> rules2022.amounts(1, FundingType.ACQUISITION, null))
                .isInstanceOf(SoldeRefusal.class)
                .hasMessage("les montants ACQUISITION des règles 2022 dépendent du référencement Ségur du logiciel "
                        + "choisi, que projets.csv ne donne pas : renseignez la colonne logiciel_reference_segur (OUI "
                        + "ou NON) du projet, relancez executer, puis solde");
        assertThat(rules2022.amounts(1, FundingType.MONTEE_VERSION, null)).isEqualTo(new Amounts(5_000, 0));
    }

    private static void assertAmounts(ProjectSolde solde, long usage, long equipment, long total, long half) {
        assertThat(solde.amounts()).isEqualTo(new Amounts(usage, equipment));
        assertThat(solde.amounts().total()).isEqualTo(total);
        assertThat(solde.advance()).isEqualTo(half);
        assertThat(solde.soldeDue()).isEqualTo(total - half);
    }

    /** A project of {@code n} ESSMS that all reach their targets. */
    private static ProjectSolde project(SoldeRules rules, int n, FundingType funding, Boolean segur) {
        SoldeWindows windows = rules.windows(OCTOBER, null, null);
        EssmsActivity reaching = SoldeRulesTest.activity(10, 10, 7, 7);
        List<EssmsSolde> lines = new ArrayList<>();
        for (int rank = 1; rank <= n; rank++) {
            Essms essms = new Essms(String.format("35%07d", rank), "350000709", "ESSMS " + rank, "500", "35", "P1",
                    null);
            lines.add(rules.essms(rank, essms, funding, segur, windows, reaching, reaching, List.of(), null, null));
        }
        ProjectSolde solde = rules.project(new Project("P1", "Projet", "350000709", funding, null, null, null,
                segur), windows, lines);
        assertThat(solde.decision()).isEqualTo(SoldeDecision.ATTEINTE);
        return solde;
    }
}
