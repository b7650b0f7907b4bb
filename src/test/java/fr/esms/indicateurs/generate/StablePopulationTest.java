package fr.esms.indicateurs.generate;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StablePopulation}: the persons of one month are those of the month before, less the ones who left during
 * it, plus as many newcomers, numbered after all the earlier ones; an exit is exported once, in its month.
 */
class StablePopulationTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    private static StablePopulation population(int size) {
        return new StablePopulation(size, 0.9, JANUARY, new SplittableRandom(5));
    }

    private static Map<Integer, StablePopulation.Stay> byNumber(List<StablePopulation.Stay> stays) {
        return stays.stream().collect(Collectors.toMap(StablePopulation.Stay::number, Function.identity()));
    }

    @Test
    void the_second_month_keeps_the_persons_who_stayed_and_replaces_the_ones_who_left() {
        StablePopulation population = population(200);
        List<StablePopulation.Stay> january = population.advance(JANUARY, new SplittableRandom(1));
        List<StablePopulation.Stay> february = population.advance(JANUARY.plusMonths(1), new SplittableRandom(2));

        // January: the 200 persons of the start, numbered 0 to 199, all entered before January
        assertThat(january).extracting(StablePopulation.Stay::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).boxed().toList());
        assertThat(january).allSatisfy(s -> assertThat(s.entry()).isBefore(JANUARY.atDay(1)));
        List<StablePopulation.Stay> leaving = january.stream().filter(s -> s.exit() != null).toList();
        assertThat(leaving).isNotEmpty().allSatisfy(s -> {
            assertThat(YearMonth.from(s.exit())).isEqualTo(JANUARY);
            assertThat(s.lastUpdate()).isBeforeOrEqualTo(s.exit());
        });

        // February: the 200 - exits who stayed, same ids and entry dates, then exactly as many newcomers
        Map<Integer, StablePopulation.Stay> before = byNumber(january);
        List<StablePopulation.Stay> stayed = february.subList(0, 200 - leaving.size());
        List<StablePopulation.Stay> newcomers = february.subList(200 - leaving.size(), february.size());
        assertThat(february).hasSize(200);
        assertThat(stayed).allSatisfy(s -> {
            StablePopulation.Stay was = before.get(s.number());
            assertThat(was.exit()).isNull();
            assertThat(s.usagerId()).isEqualTo(was.usagerId());
            assertThat(s.dossierId()).isEqualTo(was.dossierId());
            assertThat(s.entry()).isEqualTo(was.entry());
            assertThat(s.lastUpdate()).isAfterOrEqualTo(was.lastUpdate());
        });
        assertThat(newcomers).hasSize(leaving.size());
        assertThat(newcomers).extracting(StablePopulation.Stay::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(200, 200 + leaving.size()).boxed()
                        .toList());
        assertThat(newcomers).allSatisfy(s -> {
            assertThat(YearMonth.from(s.entry())).isEqualTo(JANUARY.plusMonths(1));
            assertThat(s.exit()).isNull();
            assertThat(s.lastUpdate()).isEqualTo(s.entry());
            assertThat(s.pp()).isEqualTo(StablePopulation.PpStatus.EN_PREPARATION);
        });
        // the ones who left in January are not exported in February
        assertThat(february).extracting(StablePopulation.Stay::number)
                .doesNotContainAnyElementsOf(leaving.stream().map(StablePopulation.Stay::number).toList());
    }

    @Test
    void about_two_percent_leave_each_month_and_the_size_does_not_change() {
        StablePopulation population = population(1000);
        int exits = 0;
        int highest = 0;
        for (int m = 0; m < 24; m++) {
            List<StablePopulation.Stay> month = population.advance(JANUARY.plusMonths(m), new SplittableRandom(m));
            assertThat(month).hasSize(1000);
            exits += (int) month.stream().filter(s -> s.exit() != null).count();
            highest = month.stream().mapToInt(StablePopulation.Stay::number).max().orElseThrow();
        }
        // 24 000 person-months at 2 %: 480 expected, a standard deviation of 22
        assertThat(exits).isBetween(400, 560);
        // every exit but the last month's was replaced by a newcomer with the next number
        assertThat(highest).isBetween(1000 + 400 - 60, 1000 + 560);
    }

    @Test
    void the_same_seeds_give_the_same_months_and_months_come_in_order() {
        StablePopulation a = population(50);
        StablePopulation b = population(50);
        for (int m = 0; m < 3; m++) {
            assertThat(a.advance(JANUARY.plusMonths(m), new SplittableRandom(m)))
                    .isEqualTo(b.advance(JANUARY.plusMonths(m), new SplittableRandom(m)));
        }
        assertThatThrownBy(() -> a.advance(JANUARY.plusMonths(5), new SplittableRandom(0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
