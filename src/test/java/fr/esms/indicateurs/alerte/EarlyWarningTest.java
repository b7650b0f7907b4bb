package fr.esms.indicateurs.alerte;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static fr.esms.indicateurs.rules.Indicator.DOSSIERS_ACTIFS;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EarlyWarningTest {

    private static final YearMonth APRIL = YearMonth.parse("2027-04");
    private static final LocalDate END_2027 = LocalDate.parse("2027-12-31");

    /** A result out of 100 persons held to {@code target}, its attainment decided on exact numbers. */
    private static IndicatorResult result(Indicator indicator, long numerator, long denominator, Integer target) {
        Attainment attainment = target == null ? Attainment.EXEMPTE : denominator == 0 ? Attainment.NC
                : numerator * 100 >= target * denominator ? Attainment.OUI : Attainment.NON;
        long gap = attainment == Attainment.NON ? (target * denominator + 99) / 100 - numerator : 0;
        return new IndicatorResult(indicator, numerator, denominator, 0, denominator, target, attainment, gap);
    }

    /** Dossiers actifs (target 90) out of 100, one value per month from {@code first}; null: not computable. */
    private static NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> history(String first, Integer... rates) {
        NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> history = new TreeMap<>();
        YearMonth month = YearMonth.parse(first);
        for (Integer rate : rates) {
            Map<Indicator, IndicatorResult> results = new EnumMap<>(Indicator.class);
            results.put(DOSSIERS_ACTIFS, rate == null ? result(DOSSIERS_ACTIFS, 0, 0, 90)
                    : result(DOSSIERS_ACTIFS, rate, 100, 90));
            history.put(month, results);
            month = month.plusMonths(1);
        }
        return history;
    }

    private static IndicatorOutlook activeRecords(NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> history,
                                                  LocalDate deadline) {
        EssmsOutlook essms = EarlyWarning.assess("350005179", "P1", APRIL, deadline, history);
        assertThat(essms.indicators()).hasSize(1);
        return essms.indicator(DOSSIERS_ACTIFS).orElseThrow();
    }

    @Test
    void rising_trend_reaching_the_target_before_the_deadline_is_on_track() {
        IndicatorOutlook o = activeRecords(history("2027-01", 70, 74, 75, 81), END_2027);
        assertThat(o.outlook()).isEqualTo(Outlook.EN_BONNE_VOIE);
        // 69.9 + 3.4 × 11 = 107.3 in December, shown as 100 % (persons among persons); 90 first reached in July
        // (x = 6: 90.3)
        assertThat(o.projectedAtDeadline()).isEqualTo(100.0);
        assertThat(o.trend().at(YearMonth.parse("2027-12"))).isCloseTo(107.3, within(1e-9));
        assertThat(o.reachMonth()).isEqualTo(YearMonth.parse("2027-07"));
        assertThat(o.monthsLeft()).isEqualTo(8);
        // (90 - 81) / 8 = 1.125
        assertThat(o.paceNeeded()).isCloseTo(1.125, within(1e-9));
        assertThat(Months.pace(o.paceNeeded())).isEqualTo("+1,1 points par mois");
        assertThat(o.lastRate()).isEqualTo(81.0);
        assertThat(o.lastMonth()).isEqualTo(APRIL);
    }

    @Test
    void rising_trend_reaching_the_target_after_the_deadline_is_at_risk() {
        IndicatorOutlook o = activeRecords(history("2027-01", 70, 74, 75, 81), LocalDate.parse("2027-06-30"));
        assertThat(o.outlook()).isEqualTo(Outlook.A_RISQUE);
        assertThat(o.projectedAtDeadline()).isCloseTo(86.9, within(1e-9));
        assertThat(o.reachMonth()).isEqualTo(YearMonth.parse("2027-07"));
        assertThat(o.monthsLeft()).isEqualTo(2);
        assertThat(o.paceNeeded()).isCloseTo(4.5, within(1e-9));
        assertThat(o.reason()).isEqualTo("la tendance n'atteint la cible qu'en juillet 2027, après l'échéance de"
                + " juin 2027");
    }

    @Test
    void flat_and_falling_trends_below_the_target_never_reach_it() {
        IndicatorOutlook flat = activeRecords(history("2027-01", 80, 80, 80, 80), END_2027);
        assertThat(flat.outlook()).isEqualTo(Outlook.A_RISQUE);
        assertThat(flat.reachMonth()).isNull();
        assertThat(flat.trend().slope()).isZero();
        assertThat(flat.reason()).contains("jamais");
        // (90 - 80) / 8
        assertThat(flat.paceNeeded()).isCloseTo(1.25, within(1e-9));

        IndicatorOutlook falling = activeRecords(history("2027-02", 85, 83, 81), END_2027);
        assertThat(falling.outlook()).isEqualTo(Outlook.A_RISQUE);
        assertThat(falling.trend().slope()).isCloseTo(-2.0, within(1e-9));
        assertThat(falling.reachMonth()).isNull();
        // the line is 85 - 2x from February; December is x = 10: 65
        assertThat(falling.projectedAtDeadline()).isCloseTo(65.0, within(1e-9));
    }

    @Test
    void fewer_than_three_measured_months_among_the_last_six_is_not_enough() {
        IndicatorOutlook two = activeRecords(history("2027-03", 70, 81), END_2027);
        assertThat(two.outlook()).isEqualTo(Outlook.DONNEES_INSUFFISANTES);
        assertThat(two.trend()).isNull();
        assertThat(two.reason()).isEqualTo("2 mois avec un taux sur les 6 derniers : au moins 3 nécessaires pour"
                + " une tendance");
        // still a pace: (90 - 81) / 8
        assertThat(two.paceNeeded()).isCloseTo(1.125, within(1e-9));

        // October 2026 is before the six months November..April; the not computable months do not count
        IndicatorOutlook old = activeRecords(history("2026-10", 50, null, null, null, null, null, 70), END_2027);
        assertThat(old.outlook()).isEqualTo(Outlook.DONNEES_INSUFFISANTES);
        assertThat(old.reason()).startsWith("1 mois avec un taux");
    }

    @Test
    void a_deadline_passed_or_this_month_without_the_target_is_at_risk_whatever_the_trend() {
        IndicatorOutlook passed = activeRecords(history("2027-01", 70, 74, 75, 81), LocalDate.parse("2027-03-31"));
        assertThat(passed.outlook()).isEqualTo(Outlook.A_RISQUE);
        assertThat(passed.monthsLeft()).isEqualTo(-1);
        assertThat(passed.paceNeeded()).isNull();
        assertThat(passed.reason()).isEqualTo("échéance de mars 2027 passée, cible non atteinte");

        IndicatorOutlook now = activeRecords(history("2027-03", 81, 85), LocalDate.parse("2027-04-30"));
        assertThat(now.outlook()).isEqualTo(Outlook.A_RISQUE);
        assertThat(now.monthsLeft()).isZero();
        assertThat(now.paceNeeded()).isNull();
    }

    @Test
    void a_target_reached_this_month_is_reached_even_without_a_trend_or_past_the_deadline() {
        IndicatorOutlook reached = activeRecords(history("2027-04", 90), LocalDate.parse("2026-12-31"));
        assertThat(reached.outlook()).isEqualTo(Outlook.CIBLE_ATTEINTE);
        assertThat(reached.paceNeeded()).isNull();
        // 81 then 95 then 89 in April: April decides, not the earlier month above the target
        assertThat(activeRecords(history("2027-02", 81, 95, 89), END_2027).outlook())
                .isEqualTo(Outlook.EN_BONNE_VOIE);
    }

    @Test
    void months_after_the_measure_month_are_ignored() {
        // measured at April: May's 95 is not seen, April's 81 is not reached
        IndicatorOutlook o = activeRecords(history("2027-02", 70, 75, 81, 95), END_2027);
        assertThat(o.lastMonth()).isEqualTo(APRIL);
        assertThat(o.trend().points()).isEqualTo(3);
        assertThat(o.trend().slope()).isCloseTo(5.5, within(1e-9));
    }

    @Test
    void without_deadline_the_class_cannot_be_decided() {
        IndicatorOutlook o = activeRecords(history("2027-01", 70, 74, 75, 81), null);
        assertThat(o.outlook()).isEqualTo(Outlook.DONNEES_INSUFFISANTES);
        assertThat(o.monthsLeft()).isNull();
        assertThat(o.reason()).isEqualTo("date de fin de déploiement du projet inconnue");
    }

    @Test
    void the_essms_takes_its_worst_indicator_and_exempted_ones_are_left_out() {
        NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> history = history("2027-02", 92, 93, 95);
        history.get(APRIL).put(MSS, result(MSS, 10, 100, null)); // exempted: not held
        EssmsOutlook reached = EarlyWarning.assess("350005179", "P1", APRIL, END_2027, history);
        assertThat(reached.indicators()).extracting(IndicatorOutlook::indicator).containsExactly(DOSSIERS_ACTIFS);
        assertThat(reached.outlook()).isEqualTo(Outlook.CIBLE_ATTEINTE);

        history.get(APRIL).put(PROJET_PERSONNALISE, result(PROJET_PERSONNALISE, 80, 100, 90));
        EssmsOutlook insufficient = EarlyWarning.assess("350005179", "P1", APRIL, END_2027, history);
        assertThat(insufficient.outlook()).isEqualTo(Outlook.DONNEES_INSUFFISANTES);

        history.get(YearMonth.parse("2027-02")).put(PROJET_PERSONNALISE, result(PROJET_PERSONNALISE, 82, 100, 90));
        history.get(YearMonth.parse("2027-03")).put(PROJET_PERSONNALISE, result(PROJET_PERSONNALISE, 81, 100, 90));
        EssmsOutlook atRisk = EarlyWarning.assess("350005179", "P1", APRIL, END_2027, history);
        assertThat(atRisk.indicator(PROJET_PERSONNALISE).orElseThrow().outlook()).isEqualTo(Outlook.A_RISQUE);
        assertThat(atRisk.outlook()).isEqualTo(Outlook.A_RISQUE);

        EssmsOutlook none = EarlyWarning.assess("350005179", "P1", APRIL, END_2027, new TreeMap<>());
        assertThat(none.indicators()).isEmpty();
        assertThat(none.outlook()).isEqualTo(Outlook.DONNEES_INSUFFISANTES);
    }

    @Test
    void the_project_takes_its_worst_essms() {
        EssmsOutlook reached = EarlyWarning.assess("A", "P1", APRIL, END_2027, history("2027-04", 95));
        EssmsOutlook onTrack = EarlyWarning.assess("B", "P1", APRIL, END_2027, history("2027-01", 70, 74, 75, 81));
        EssmsOutlook few = EarlyWarning.assess("C", "P1", APRIL, END_2027, history("2027-04", 70));
        EssmsOutlook atRisk = EarlyWarning.assess("D", "P1", APRIL, END_2027, history("2027-02", 80, 80, 80));
        YearMonth deadline = YearMonth.parse("2027-12");
        assertThat(ProjectOutlook.of("P1", deadline, List.of(reached)).outlook()).isEqualTo(Outlook.CIBLE_ATTEINTE);
        assertThat(ProjectOutlook.of("P1", deadline, List.of(reached, onTrack)).outlook())
                .isEqualTo(Outlook.EN_BONNE_VOIE);
        assertThat(ProjectOutlook.of("P1", deadline, List.of(onTrack, few, reached)).outlook())
                .isEqualTo(Outlook.DONNEES_INSUFFISANTES);
        ProjectOutlook all = ProjectOutlook.of("P1", deadline, List.of(few, atRisk, onTrack, reached));
        assertThat(all.outlook()).isEqualTo(Outlook.A_RISQUE);
        assertThat(all.count(Outlook.A_RISQUE)).isEqualTo(1);
        assertThat(ProjectOutlook.of("P1", deadline, List.of()).outlook()).isEqualTo(Outlook.DONNEES_INSUFFISANTES);
    }
}
