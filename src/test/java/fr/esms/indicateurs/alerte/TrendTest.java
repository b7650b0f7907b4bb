package fr.esms.indicateurs.alerte;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendTest {

    private static Trend.Point p(String month, double percent) {
        return new Trend.Point(YearMonth.parse(month), percent);
    }

    @Test
    void rising_line_by_hand() {
        // x = 0..3, mean x 1.5, mean y 75; Σdx·dy = 7.5 + 0.5 + 0 + 9 = 17; Σdx² = 5; slope 3.4; intercept 69.9
        Trend trend = Trend.fit(List.of(p("2027-01", 70), p("2027-02", 74), p("2027-03", 75), p("2027-04", 81)))
                .orElseThrow();
        assertThat(trend.slope()).isCloseTo(3.4, within(1e-9));
        assertThat(trend.intercept()).isCloseTo(69.9, within(1e-9));
        assertThat(trend.points()).isEqualTo(4);
        assertThat(trend.at(YearMonth.parse("2027-06"))).isCloseTo(86.9, within(1e-9));
        // 69.9 + 3.4 x >= 90 from x = 5.91: the seventh month, July 2027 (90.3)
        assertThat(trend.firstMonthReaching(90, YearMonth.parse("2027-04"))).contains(YearMonth.parse("2027-07"));
    }

    @Test
    void a_month_without_measure_leaves_a_gap_on_the_axis() {
        // x = 0, 1, 3 for 60, 62, 66: exactly 60 + 2x (squeezing April next to February would give another slope)
        Trend trend = Trend.fit(List.of(p("2027-01", 60), p("2027-02", 62), p("2027-04", 66))).orElseThrow();
        assertThat(trend.slope()).isCloseTo(2.0, within(1e-9));
        assertThat(trend.intercept()).isCloseTo(60.0, within(1e-9));
        // exactly 70 at x = 5: reached in June, not July, despite floating-point sums
        assertThat(trend.firstMonthReaching(70, YearMonth.parse("2027-04"))).contains(YearMonth.parse("2027-06"));
    }

    @Test
    void flat_and_falling_lines_never_reach_a_higher_target() {
        Trend flat = Trend.fit(List.of(p("2027-01", 80), p("2027-02", 80), p("2027-03", 80))).orElseThrow();
        assertThat(flat.slope()).isZero();
        assertThat(flat.firstMonthReaching(90, YearMonth.parse("2027-03"))).isEmpty();
        assertThat(flat.firstMonthReaching(80, YearMonth.parse("2027-03"))).contains(YearMonth.parse("2027-03"));

        Trend falling = Trend.fit(List.of(p("2027-01", 85), p("2027-02", 83), p("2027-03", 81))).orElseThrow();
        assertThat(falling.slope()).isCloseTo(-2.0, within(1e-9));
        assertThat(falling.firstMonthReaching(90, YearMonth.parse("2027-03"))).isEmpty();
        // 85 - 2x falls below zero at x = 42.5: the projection stops at 0 %
        assertThat(falling.at(YearMonth.parse("2030-12"))).isZero();
    }

    @Test
    void fewer_than_three_points_or_one_single_month_give_no_trend() {
        assertThat(Trend.fit(List.of(p("2027-01", 70), p("2027-02", 75)))).isEqualTo(Optional.empty());
        assertThat(Trend.fit(List.of())).isEmpty();
        assertThat(Trend.fit(List.of(p("2027-01", 70), p("2027-01", 75), p("2027-01", 80)))).isEmpty();
    }

    @Test
    void pace_is_written_in_french() {
        assertThat(Months.pace(2.0833)).isEqualTo("+2,1 points par mois");
        assertThat(Months.pace(-0.5)).isEqualTo("-0,5 points par mois");
        assertThat(Months.name(YearMonth.parse("2027-06"))).isEqualTo("juin 2027");
    }
}
