package fr.esms.indicateurs.closing;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionDiffTest {

    static final ClosedPackage OLD = new ClosedPackage("sha-old", "p-oct", "Logivie", LocalDate.of(2026, 11, 3),
            LocalDateTime.of(2026, 11, 4, 6, 0));
    static final ClosedPackage FIX = new ClosedPackage("sha-fix", "p-oct-correctif", "Logivie",
            LocalDate.of(2026, 11, 18), LocalDateTime.of(2026, 11, 20, 9, 0));

    static IndicatorResult rated(Indicator i, long num, long den, int target) {
        boolean reached = num * 100 >= (long) target * den;
        long gap = reached ? 0 : (target * den - num * 100 + 99) / 100;
        return new IndicatorResult(i, num, den, 0, den, target, reached ? Attainment.OUI : Attainment.NON, gap);
    }

    static Map<Indicator, IndicatorResult> rows(IndicatorResult... results) {
        Map<Indicator, IndicatorResult> rows = new EnumMap<>(Indicator.class);
        for (IndicatorResult r : results) {
            rows.put(r.indicator(), r);
        }
        return rows;
    }

    @Test
    void flipsComeFirstThenFinessThenIndicatorEachWithTheNewPackagesOfItsEssms() {
        RevisionDiff.Side before = new RevisionDiff.Side(Map.of(
                "010000016", rows(rated(Indicator.MSS, 5, 10, 70), rated(Indicator.DMP, 7, 10, 70)),
                "350005179", rows(rated(Indicator.AGENDA, 8, 10, 90))),
                Map.of("010000016", Set.of("sha-old"), "350005179", Set.of("sha-old")));
        RevisionDiff.Side after = new RevisionDiff.Side(Map.of(
                // MSS 5/10 -> 6/10: changed, still NON; DMP unchanged.
                "010000016", rows(rated(Indicator.MSS, 6, 10, 70), rated(Indicator.DMP, 7, 10, 70)),
                // AGENDA 8/10 NON -> 9/10 OUI: a flip, listed first although its FINESS sorts after.
                "350005179", rows(rated(Indicator.AGENDA, 9, 10, 90))),
                Map.of("010000016", Set.of("sha-old"), "350005179", Set.of("sha-old", "sha-fix")));

        List<RevisionChange> changes = RevisionDiff.between(before, after, List.of(OLD, FIX));

        assertThat(changes).extracting(c -> c.finess() + " " + c.indicator() + " " + c.attainmentFlips())
                .containsExactly("350005179 AGENDA true", "010000016 MSS false");
        assertThat(changes.get(0).causes()).containsExactly(FIX);
        // No new package fed that ESSMS (a referential change, say): the change is listed without cause.
        assertThat(changes.get(1).causes()).isEmpty();
        assertThat(RevisionDiff.essmsCount(changes)).isEqualTo(2);
    }

    @Test
    void aRowOnlyOneSideHasIsAChangeAndEqualFiguresAreNot() {
        IndicatorResult same = rated(Indicator.DMP, 7, 10, 70);
        RevisionDiff.Side before = new RevisionDiff.Side(Map.of("010000016", rows(same)), Map.of());
        RevisionDiff.Side after = new RevisionDiff.Side(Map.of("010000016", rows(same),
                "350005179", rows(rated(Indicator.DMP, 1, 2, 70))), Map.of());

        List<RevisionChange> changes = RevisionDiff.between(before, after, List.of());

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.finess()).isEqualTo("350005179");
            assertThat(c.before()).isNull();
            assertThat(c.attainmentFlips()).isTrue();
        });
        assertThat(RevisionChange.differs(same, rated(Indicator.DMP, 7, 10, 70))).isFalse();
    }
}
