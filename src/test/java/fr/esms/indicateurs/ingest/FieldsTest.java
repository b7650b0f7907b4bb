package fr.esms.indicateurs.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written checks of dates and NIR-like identifiers, value by value. */
class FieldsTest {

    @ParameterizedTest
    @CsvSource({
            "2026-10-01, 2026-10-01",
            "2024-02-29, 2024-02-29",
            "2026-10-31T23:59, 2026-10-31",
            "2026-10-31T00:00:59, 2026-10-31"})
    void pivotDatesAndDateTimesGiveTheirDate(String value, LocalDate expected) throws RowProblem {
        assertThat(Fields.parseDate("d", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-10-1 | date mal formée",
            "26-10-01 | date mal formée",
            "2026/10/01 | date mal formée",
            "01/10/2026 | date mal formée",
            "2026-10-01 10:00 | date mal formée",
            "2026-10-01T10 | date mal formée",
            "2026-10-01T10:00:00.5 | date mal formée",
            "2026-10-01T10:00Z | date mal formée",
            "2026-1a-01 | date mal formée",
            "2025-02-29 | date impossible",
            "2026-13-01 | date impossible",
            "2026-00-10 | date impossible",
            "2026-10-01T24:00 | heure impossible",
            "2026-10-01T23:60 | heure impossible",
            "2026-10-01T23:59:60 | heure impossible"})
    void otherShapesAndImpossibleDatesAreRefused(String value, String reason) {
        assertThatThrownBy(() -> Fields.parseDate("d", value)).isInstanceOf(RowProblem.class)
                .hasMessageStartingWith(reason + " (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[:SS])");
    }

    @ParameterizedTest
    @CsvSource({
            "1850743123456, true",
            "285074312345612, true",
            "7850743123456, true",
            "8850743123456, true",
            "3850743123456, false",
            "185074312345, false",
            "18507431234561, false",
            "1850743123456123, false",
            "185074312345A, false",
            "U0001, false"})
    void nirLikeIdentifiersAre13Or15DigitsStartingWith1278(String value, boolean nirLike) {
        assertThat(Fields.looksLikeNir(value)).isEqualTo(nirLike);
    }
}
