package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FinessSectorWindowTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // the spec's examples; Luhn over the nine digits
            "010000016, VALID",
            "350005179, VALID",
            // 01000001x: only 6 makes the sum a multiple of 10
            "010000017, INVALID_KEY",
            "350005178, INVALID_KEY",
            // départements 00, 96, 99 do not exist; 97 and 98 do
            "000000018, INVALID_FORMAT",
            "960000013, INVALID_FORMAT",
            "990000019, INVALID_FORMAT",
            // Corsica: key not checked
            "2A0000001, VALID_KEY_UNCHECKED",
            "2B1234567, VALID_KEY_UNCHECKED",
            "2a0000001, INVALID_FORMAT",
            "01000001, INVALID_FORMAT",
            "0100000160, INVALID_FORMAT",
            "01000A016, INVALID_FORMAT"})
    void finessFormatAndLuhnKey(String finess, Finess.Verdict expected) {
        assertThat(Finess.check(finess)).isEqualTo(expected);
    }

    @Test
    void overseasDepartementsAreChecked() {
        // 970000000 + key: 9,7,0,...,0,k → 9 + (7*2-9=5) + k ≡ 0 (mod 10) → k = 6
        assertThat(Finess.check("970000006")).isEqualTo(Finess.Verdict.VALID);
        assertThat(Finess.check("970000005")).isEqualTo(Finess.Verdict.INVALID_KEY);
        assertThat(Finess.check(null)).isEqualTo(Finess.Verdict.INVALID_FORMAT);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"500, PA", "202, PA", "183, PH", "464, PH", "354, DOM", "640, DOM", "177, PDE", "644, PDE",
            "197, PDS", "608, PDS", "214, AHI", "443, AHI", "340, PJM", "344, PJM", "999, AUTRE", "'', AUTRE"})
    void sectorFromFinessCategory(String category, Sector expected) {
        assertThat(Sector.ofCategory(category)).isEqualTo(expected);
    }

    @Test
    void windowsAreWholeCalendarMonthsEndingWithTheMeasureMonth() {
        MeasureWindow one = new MeasureWindow(YearMonth.of(2026, 2), 1);
        assertThat(one.start()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(one.end()).isEqualTo(LocalDate.of(2026, 2, 28));
        MeasureWindow three = new MeasureWindow(YearMonth.of(2026, 1), 3);
        assertThat(three.start()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(three.end()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(three.contains(LocalDate.of(2025, 10, 31))).isFalse();
        assertThat(three.contains(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(three.contains(YearMonth.of(2025, 12))).isTrue();
        assertThat(three.isExactly(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 31))).isTrue();
        assertThat(three.isExactly(LocalDate.of(2025, 11, 2), LocalDate.of(2026, 1, 31))).isFalse();
        // overlap: open ends, touching the first and last day
        assertThat(one.overlaps(null, null)).isTrue();
        assertThat(one.overlaps(LocalDate.of(2026, 2, 28), null)).isTrue();
        assertThat(one.overlaps(null, LocalDate.of(2026, 2, 1))).isTrue();
        assertThat(one.overlaps(LocalDate.of(2026, 3, 1), null)).isFalse();
        assertThat(one.overlaps(null, LocalDate.of(2026, 1, 31))).isFalse();
        assertThatThrownBy(() -> new MeasureWindow(YearMonth.of(2026, 1), 0)).hasMessageContaining("au moins 1 mois");
    }
}
