package fr.esms.indicateurs.rules;

import fr.esms.indicateurs.rules.Finess.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, "FINESS numbers": département (01–95, 2A, 2B, 97, 98) then seven digits, the last a Luhn key
 * over all nine digits. Keys below are worked out by hand: from the right, every second digit is doubled (minus 9
 * when above 9) and the sum must be a multiple of 10.
 */
class FinessTest {

    @Test
    void publishedExamplesAreValid() {
        // 010000016: 6 + (1x2) + 0... + (1x2) = 10
        assertThat(Finess.check("010000016")).isEqualTo(Verdict.VALID);
        // 350005179: 9 + (7x2=14 -> 5) + 1 + (5x2=10 -> 1) + 0 + 0 + 0 + (5x2=10 -> 1) + 3 = 20
        assertThat(Finess.check("350005179")).isEqualTo(Verdict.VALID);
    }

    @Test
    void overseasAndLastMetropolitanDepartementsAreValid() {
        // 9 + (7x2=14 -> 5) + 6 = 20
        assertThat(Finess.check("970000006")).isEqualTo(Verdict.VALID);
        // 9 + (8x2=16 -> 7) + 4 = 20
        assertThat(Finess.check("980000004")).isEqualTo(Verdict.VALID);
        // 9 + (5x2=10 -> 1) + 0 = 10
        assertThat(Finess.check("950000000")).isEqualTo(Verdict.VALID);
    }

    @Test
    void wrongCheckKeyIsAnError() {
        // 010000017: sum 11; 350005178: sum 19
        assertThat(Finess.check("010000017")).isEqualTo(Verdict.INVALID_KEY);
        assertThat(Finess.check("350005178")).isEqualTo(Verdict.INVALID_KEY);
    }

    @Test
    void checkKeyCoversTheDepartementDigits() {
        // 350005179 with département 45: the leftmost digit is not doubled, 3 -> 4 makes the sum 21
        assertThat(Finess.check("450005179")).isEqualTo(Verdict.INVALID_KEY);
    }

    @Test
    void departementOutsideTheListIsAnErrorEvenWithACorrectKey() {
        // each has a correct Luhn key, only the département is wrong
        assertThat(Finess.check("000000018")).as("00: 8 + (1x2) = 10").isEqualTo(Verdict.INVALID_FORMAT);
        assertThat(Finess.check("960000008")).as("96: 9 + (6x2=12 -> 3) + 8 = 20").isEqualTo(Verdict.INVALID_FORMAT);
        assertThat(Finess.check("990000002")).as("99: 9 + (9x2=18 -> 9) + 2 = 20").isEqualTo(Verdict.INVALID_FORMAT);
    }

    @Test
    void corsicanNumbersAreAcceptedWithoutCheckingTheKey() {
        assertThat(Finess.check("2A0000001")).isEqualTo(Verdict.VALID_KEY_UNCHECKED);
        assertThat(Finess.check("2B1234567")).isEqualTo(Verdict.VALID_KEY_UNCHECKED);
        assertThat(Finess.isAcceptable(Verdict.VALID_KEY_UNCHECKED)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2a0000001", "2b0000001", "2C0000001", "01000001A", "0100000I6"})
    void lowerCaseOrUnexpectedLettersAreMalformed(String value) {
        assertThat(Finess.check(value)).isEqualTo(Verdict.INVALID_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01000001", "0100000160", "10000016", " 010000016", "010000016 ", "01 0000016"})
    void wrongLengthOrSpacesAreMalformed(String value) {
        assertThat(Finess.check(value)).isEqualTo(Verdict.INVALID_FORMAT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingNumberIsMalformed(String value) {
        assertThat(Finess.check(value)).isEqualTo(Verdict.INVALID_FORMAT);
    }

    @Test
    void onlyValidAndCorsicanVerdictsAreAcceptable() {
        assertThat(Finess.isAcceptable(Verdict.VALID)).isTrue();
        assertThat(Finess.isAcceptable(Verdict.INVALID_FORMAT)).isFalse();
        assertThat(Finess.isAcceptable(Verdict.INVALID_KEY)).isFalse();
    }

    @Test
    void everyVerdictIsExplainedInFrench() {
        assertThat(Finess.explain(Verdict.INVALID_KEY)).contains("clé de contrôle");
        assertThat(Finess.explain(Verdict.VALID_KEY_UNCHECKED)).contains("corse");
        for (Verdict v : Verdict.values()) {
            assertThat(Finess.explain(v)).isNotBlank();
        }
    }
}
