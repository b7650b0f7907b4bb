package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** indicateurs.md, "Measure month and window": N whole calendar months ending with M. */
class MeasureWindowTest {

    private static MeasureWindow window(String month, int months) {
        return new MeasureWindow(YearMonth.parse(month), months);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void oneMonthWindowIsTheMeasureMonth() {
        MeasureWindow w = window("2026-03", 1);
        assertThat(w.start()).isEqualTo(d("2026-03-01"));
        assertThat(w.end()).isEqualTo(d("2026-03-31"));
        assertThat(w.firstMonth()).isEqualTo(YearMonth.of(2026, 3));
    }

    @Test
    void threeMonthWindowEndsWithTheMeasureMonth() {
        // M = 2026-03, N = 3: first month M-N+1 = 2026-01
        MeasureWindow w = window("2026-03", 3);
        assertThat(w.start()).isEqualTo(d("2026-01-01"));
        assertThat(w.end()).isEqualTo(d("2026-03-31"));
    }

    @Test
    void threeMonthWindowCrossesTheYearBoundary() {
        // M = 2026-01, N = 3: 2025-11, 2025-12, 2026-01
        MeasureWindow w = window("2026-01", 3);
        assertThat(w.start()).isEqualTo(d("2025-11-01"));
        assertThat(w.end()).isEqualTo(d("2026-01-31"));
        assertThat(w.firstMonth()).isEqualTo(YearMonth.of(2025, 11));
    }

    @Test
    void sixMonthWindowForTheFinalServicesMeasure() {
        // M = 2026-06, N = 6: 2026-01 .. 2026-06
        MeasureWindow w = window("2026-06", 6);
        assertThat(w.start()).isEqualTo(d("2026-01-01"));
        assertThat(w.end()).isEqualTo(d("2026-06-30"));
    }

    @Test
    void windowEndsOnTheLastDayOfFebruary() {
        assertThat(window("2026-02", 1).end()).isEqualTo(d("2026-02-28"));
        assertThat(window("2028-02", 1).end()).isEqualTo(d("2028-02-29"));
    }

    @Test
    void windowOfLessThanOneMonthOrWithoutMonthIsRefused() {
        assertThatThrownBy(() -> window("2026-03", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeasureWindow(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsBothEndDaysAndNothingOutside() {
        MeasureWindow w = window("2026-03", 1);
        assertThat(w.contains(d("2026-03-01"))).isTrue();
        assertThat(w.contains(d("2026-03-31"))).isTrue();
        assertThat(w.contains(d("2026-02-28"))).isFalse();
        assertThat(w.contains(d("2026-04-01"))).isFalse();
        assertThat(w.contains((LocalDate) null)).isFalse();
    }

    @Test
    void containsTheMonthsOfTheWindowOnly() {
        MeasureWindow w = window("2026-01", 3);
        assertThat(w.contains(YearMonth.of(2025, 10))).isFalse();
        assertThat(w.contains(YearMonth.of(2025, 11))).isTrue();
        assertThat(w.contains(YearMonth.of(2026, 1))).isTrue();
        assertThat(w.contains(YearMonth.of(2026, 2))).isFalse();
        assertThat(w.contains((YearMonth) null)).isFalse();
    }

    @Test
    void periodOverlapsWhenItStartsBeforeTheEndAndEndsAfterTheStart() {
        MeasureWindow w = window("2026-03", 1);
        assertThat(w.overlaps(d("2025-12-01"), d("2026-04-15"))).as("crossing the whole window").isTrue();
        assertThat(w.overlaps(d("2025-12-01"), d("2026-03-01"))).as("ends on the first day").isTrue();
        assertThat(w.overlaps(d("2026-03-31"), null)).as("starts on the last day, open").isTrue();
        assertThat(w.overlaps(null, null)).as("no dates at all").isTrue();
        assertThat(w.overlaps(d("2025-12-01"), d("2026-02-28"))).as("ends the day before").isFalse();
        assertThat(w.overlaps(d("2026-04-01"), null)).as("starts the day after").isFalse();
    }

    @Test
    void declaredPeriodMustBeExactlyTheWindow() {
        MeasureWindow w = window("2026-03", 3);
        assertThat(w.isExactly(d("2026-01-01"), d("2026-03-31"))).isTrue();
        assertThat(w.isExactly(d("2026-03-01"), d("2026-03-31"))).isFalse();
        assertThat(w.isExactly(d("2026-01-01"), d("2026-03-30"))).isFalse();
        assertThat(w.isExactly(null, d("2026-03-31"))).isFalse();
    }
}
