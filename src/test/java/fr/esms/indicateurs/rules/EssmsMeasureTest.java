package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.DEPOSE;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.PREVU;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.EN_PREPARATION;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/** What one measure states: the ESSMS, the window, the rules version, its seven rows and overall attainment. */
class EssmsMeasureTest {

    /** Ten persons: each active record holds a PP and an event, seven fed the DMP, seven messages sent. */
    private static Scenario everyTargetReached() {
        Scenario s = scenario().messages("M", 7, "2026-03-20");
        for (int i = 1; i <= 10; i++) {
            s.activePerson("P" + i, "D" + i)
                    .project("PP" + i, "D" + i, EN_PREPARATION, null, null)
                    .event("E" + i, "D" + i, "2026-03-25", PREVU);
            if (i <= 7) {
                s.document("DOC" + i, "D" + i, "2026-03-15", DEPOSE);
            }
        }
        return s;
    }

    @Test
    void measureStatesItsEssmsWindowRulesVersionAndSector() {
        EssmsMeasure m = scenario().category("255").window("2026-03", 3).measure();

        assertThat(m.finess()).isEqualTo(Scenario.FINESS);
        assertThat(m.window()).isEqualTo(new MeasureWindow(YearMonth.of(2026, 3), 3));
        assertThat(m.rulesVersion()).isEqualTo("2025");
        assertThat(m.sector()).isEqualTo(Sector.PH);
    }

    @Test
    void unknownCategoryIsSectorAutreAndStillMeasured() {
        EssmsMeasure m = scenario().category("999").activePersons("P", 1).measure();

        assertThat(m.sector()).isEqualTo(Sector.AUTRE);
        assertThat(m.result(Indicator.DOSSIERS_ACTIFS).attainment()).isEqualTo(Attainment.OUI);
    }

    @Test
    void everyIndicatorHasOneRowInTheOrderOfTheSpec() {
        EssmsMeasure m = scenario().measure();

        assertThat(m.results()).extracting(IndicatorResult::indicator).containsExactly(
                Indicator.DOSSIERS_ACTIFS, Indicator.PROJET_PERSONNALISE, Indicator.AGENDA, Indicator.MSS,
                Indicator.DMP, Indicator.EPRESCRIPTION, Indicator.EPARCOURS);
    }

    @Test
    void essmsReachingEveryTargetReachesAll() {
        EssmsMeasure m = everyTargetReached().measure();

        // DUI 10/10, MSS 7/10 = 70.0, DMP 7/10 = 70.0: all OUI
        assertThat(m.results()).filteredOn(r -> r.indicator().isRated())
                .allSatisfy(r -> assertThat(r.attainment()).isEqualTo(Attainment.OUI));
        assertThat(m.reachesAllTargets()).isTrue();
    }

    @Test
    void oneTargetMissedIsEnoughToMissAll() {
        // one more person without anything: DMP 7/11 = 63.6 < 70
        EssmsMeasure m = everyTargetReached().accompanied("P11").measure();

        assertThat(m.result(Indicator.DMP).attainment()).isEqualTo(Attainment.NON);
        assertThat(m.reachesAllTargets()).isFalse();
    }
}
