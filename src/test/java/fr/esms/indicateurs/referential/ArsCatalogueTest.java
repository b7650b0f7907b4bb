package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.rules.AdjustmentSource;
import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import fr.esms.indicateurs.rules.RulesVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ARS adds a national decision to its copy of the 2025 rules: a new code, allowed for one sector (PA) from
 * 2026-01-01. Persons carrying it leave the DOSSIERS_ACTIFS population of a PA ESSMS, and the applied adjustment
 * names the decision; elsewhere (a PH ESSMS, or the built-in rules) the code is refused and said so.
 */
class ArsCatalogueTest {

    static final String DECISION = "Décision nationale DNS/2026/17 du 12 janvier 2026";
    static final MeasureWindow MARCH = new MeasureWindow(YearMonth.of(2026, 3), 1);

    @TempDir
    Path temp;

    private RulesVersion arsRules() {
        Path folder = RulesFolders.copyOfBuiltIn(temp.resolve("regles"));
        RulesFolders.append(folder.resolve("2025/catalogue-amenagements.csv"),
                "HOSPITALISATION_LONGUE;Hospitalisation de plus de 30 jours;DOSSIERS_ACTIFS;;PA;2026-01-01;;"
                        + DECISION);
        return new RulesLoader().load(folder).find("2025").orElseThrow();
    }

    /** Four persons staying since 2024; P3 and P4 carry the new code; the records of P1 and P2 updated in March. */
    private static EssmsActivity activity() {
        LocalDate since = LocalDate.of(2024, 1, 1);
        List<Stay> stays = List.of(new Stay("P1", since, null, List.of()), new Stay("P2", since, null, List.of()),
                new Stay("P3", since, null, List.of("HOSPITALISATION_LONGUE")),
                new Stay("P4", since, null, List.of("HOSPITALISATION_LONGUE")));
        List<DuiRecord> records = List.of(new DuiRecord("D1", "P1"), new DuiRecord("D2", "P2"),
                new DuiRecord("D3", "P3"), new DuiRecord("D4", "P4"));
        List<RecordUpdate> updates = List.of(new RecordUpdate("D1", MARCH.month()),
                new RecordUpdate("D2", MARCH.month()));
        return new EssmsActivity(stays, records, updates, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    @Test
    void theNewCodeIsAppliedToAnEssmsOfItsSectorWithItsReference() {
        EssmsMeasure measure = new IndicatorCalculator(arsRules()).compute("690784129", "500", MARCH, activity(),
                List.of());
        IndicatorResult active = measure.result(Indicator.DOSSIERS_ACTIFS);
        // 4 persons accompanied, 2 under the new code: denominator 4 - 2 = 2, both records updated: 2 / 2.
        assertThat(List.of(active.numerator(), active.rawDenominator(), active.adjustment(), active.denominator()))
                .containsExactly(2L, 4L, 2L, 2L);
        assertThat(active.attainment()).isEqualTo(Attainment.OUI);
        assertThat(measure.applied()).containsExactly(new AppliedAdjustment(Indicator.DOSSIERS_ACTIFS,
                "HOSPITALISATION_LONGUE", "Hospitalisation de plus de 30 jours", 2, AdjustmentSource.CODE_USAGER,
                DECISION));
        assertThat(measure.rulesVersion()).isEqualTo("2025");
    }

    @Test
    void theNewCodeIsRefusedForAnotherSector() {
        EssmsMeasure measure = new IndicatorCalculator(arsRules()).compute("010783157", "183", MARCH, activity(),
                List.of());
        IndicatorResult active = measure.result(Indicator.DOSSIERS_ACTIFS);
        // Not removed: 2 updated records for 4 persons, 50 %.
        assertThat(List.of(active.numerator(), active.denominator())).containsExactly(2L, 4L);
        assertThat(active.attainment()).isEqualTo(Attainment.NON);
        assertThat(measure.applied()).isEmpty();
        assertThat(measure.refused()).containsExactly(new RefusedAdjustment(Indicator.DOSSIERS_ACTIFS,
                "HOSPITALISATION_LONGUE", AdjustmentSource.CODE_USAGER, 2,
                "motif HOSPITALISATION_LONGUE non autorisé pour la catégorie FINESS 183 (secteur PH)"));
    }

    @Test
    void theBuiltInRulesDoNotKnowTheCode() {
        RulesVersion builtIn = new RulesLoader().builtIn().find("2025").orElseThrow();
        EssmsMeasure measure = new IndicatorCalculator(builtIn).compute("690784129", "500", MARCH, activity(),
                List.of());
        assertThat(measure.result(Indicator.DOSSIERS_ACTIFS).denominator()).isEqualTo(4L);
        assertThat(measure.refused()).containsExactly(new RefusedAdjustment(null, "HOSPITALISATION_LONGUE",
                AdjustmentSource.CODE_USAGER, 2, "code inconnu du catalogue d'aménagements 2025"));
        assertThat(arsRules().fingerprint()).isNotEqualTo(builtIn.fingerprint());
    }
}
