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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 85 05 75 123 456 78 | true",
            "1.85.05.75.123.456.78 | true",
            "1-85-05-75-123-456-78 | true",
            "1 85 05 75 123 456 | true",
            "1850575123456 78 | true",
            // non-breaking spaces, as a French spreadsheet groups digits
            "2\u00A085\u00A005\u00A075\u00A0123\u00A0456 | true",
            "1 85 05 2A 123 456 78 | true",
            "2.85.05.2b.123.456 | true",
            "3 85 05 75 123 456 78 | false",
            "1 85 05 75 123 456 7 | false",
            "1 85 05 3A 123 456 78 | false",
            "1A 85 05 75 123 456 78 | false",
            "1 85 05 75 123 456 78 X | false",
            "1/85/05/75/123/456/78 | false",
            "2024-10-15-001 | false"})
    void aNirGroupedWithSpacesDotsOrDashesOrCorsicanIsStillANir(String value, boolean nirLike) {
        assertThat(Fields.looksLikeNir(value)).isEqualTo(nirLike);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Compte rendu 1 85 05 75 123 456 78 | Compte rendu (masqué)",
            "CR-1850575123456-bis | CR-(masqué)-bis",
            "avis 1.85.05.2A.123.456 du médecin | avis (masqué) du médecin",
            "1850575123456 | (masqué)",
            "ref 12345678901234567890 | ref (masqué)",
            "synthèse 2026-10-15 | synthèse 2026-10-15",
            "du 2024-10-01 - 2024-10-31 | du 2024-10-01 - 2024-10-31",
            "tel 04 78 12 34 56 | tel 04 78 12 34 56",
            "3 85 05 75 123 456 78 | (masqué)",
            "Visite | Visite"})
    void aLongDigitRunInAFreeTextIsMaskedAndTheRestKept(String value, String expected) {
        assertThat(NirLike.maskLongRuns(value, Fields.MASKED)).isEqualTo(expected);
        assertThat(Fields.reportable(value)).isEqualTo(expected.equals(value) ? value : Fields.MASKED);
    }
}
