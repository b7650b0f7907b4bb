package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static fr.esms.indicateurs.rules.Attainment.EXEMPTE;
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
 * indicateurs.md, "Exemption": PJM services are not held to the MSS and DMP targets; those indicators are
 * computed and shown with {@code atteinte = EXEMPTE}, an empty {@code cible} and {@code manque = 0}, whatever
 * their denominator. The three DUI indicators are still held to 90 %.
 */
class PjmExemptionTest {

    /** Ten persons whose active record holds a PP and an event: every DUI target is reached. */
    private static Scenario pjmWithDuiReached(String category) {
        Scenario s = scenario().category(category);
        for (int i = 1; i <= 10; i++) {
            s.activePerson("P" + i, "D" + i)
                    .project("PP" + i, "D" + i, ACTIF, "2025-01-01", null)
                    .event("E" + i, "D" + i, "2026-03-10", REALISE);
        }
        return s;
    }

    @Test
    void mssAndDmpAreComputedButExempted() {
        EssmsMeasure m = pjmWithDuiReached("340")
                .messages("M", 3, "2026-03-12")
                .document("DOC1", "D1", "2026-03-05", DEPOSE).document("DOC2", "D2", "2026-03-06", DEPOSE)
                .measure();

        // rates still computed: 3/10 = 30.0, 2/10 = 20.0; no target, manque 0
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 3, 10, 0, 10, "30.0", null, EXEMPTE, 0));
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 2, 10, 0, 10, "20.0", null, EXEMPTE, 0));
        assertThat(m.sector()).isEqualTo(Sector.PJM);
    }

    @Test
    void duiIndicatorsOfPjmAreStillHeldToTheirTarget() {
        EssmsMeasure m = scenario().category("340")
                .activePersons("P", 2).accompaniedPersons("Q", 1)
                .measure();

        // 2/3 = 66.7; manque: (2 + k) x 100 >= 270 -> 1
        assertThat(Row.of(m, DOSSIERS_ACTIFS)).isEqualTo(Row.rated(DOSSIERS_ACTIFS, 2, 3, 0, 3, "66.7", 90, NON, 1));
        assertThat(m.reachesAllTargets()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"340", "341", "342", "344"})
    void exemptionHoldsWithAZeroDenominator(String category) {
        EssmsMeasure m = scenario().category(category).messages("M", 2, "2026-03-12").measure();

        // no person accompanied: EXEMPTE rather than NC, no rate, manque 0
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 2, 0, 0, 0, null, null, EXEMPTE, 0));
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 0, 0, 0, null, null, EXEMPTE, 0));
        assertThat(Row.of(m, DOSSIERS_ACTIFS).atteinte()).isEqualTo(NC);
    }

    @Test
    void pjmReachesAllItsTargetsWithoutMssNorDmp() {
        EssmsMeasure m = pjmWithDuiReached("340").measure();

        assertThat(Row.of(m, DOSSIERS_ACTIFS).atteinte()).isEqualTo(OUI);
        assertThat(Row.of(m, PROJET_PERSONNALISE).atteinte()).isEqualTo(OUI);
        assertThat(Row.of(m, AGENDA).atteinte()).isEqualTo(OUI);
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 0, 10, 0, 10, "0.0", null, EXEMPTE, 0));
        assertThat(m.reachesAllTargets()).isTrue();
    }

    @Test
    void sameDataOutsidePjmIsHeldToMssAndDmp() {
        EssmsMeasure m = pjmWithDuiReached("500").measure();

        // 0/10 against 70 %: manque 7
        assertThat(Row.of(m, MSS)).isEqualTo(Row.rated(MSS, 0, 10, 0, 10, "0.0", 70, NON, 7));
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 10, 0, 10, "0.0", 70, NON, 7));
        assertThat(m.reachesAllTargets()).isFalse();
    }
}
