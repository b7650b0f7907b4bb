package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** indicateurs.md, "Default catalogue and sectors": the sector of an ESSMS comes from its FINESS category. */
class SectorTest {

    /** The table of the spec, copied as is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PA  | 500, 501, 502, 202, 207, 381",
            "PH  | 182, 183, 186, 188, 189, 190, 192, 194, 195, 196, 198, 238, 246, 249, 252, 253, 255, 370, 377, "
                    + "379, 382, 390, 395, 396, 402, 437, 445, 446, 448, 449, 464",
            "DOM | 354, 209, 460, 640",
            "PDE | 166, 172, 175, 176, 177, 236, 241, 286, 295, 378, 440, 441, 462, 643, 644",
            "PDS | 165, 178, 180, 197, 213, 608",
            "AHI | 214, 219, 256, 257, 258, 259, 442, 443",
            "PJM | 340, 341, 342, 344"})
    void everyCategoryOfTheTableMapsToItsSector(String sector, String categories) {
        for (String category : Arrays.stream(categories.split(",")).map(String::trim).toList()) {
            assertThat(Sector.ofCategory(category)).as("category " + category).isEqualTo(Sector.valueOf(sector));
        }
    }

    @Test
    void oneCategoryPerSector() {
        assertThat(Sector.ofCategory("500")).isEqualTo(Sector.PA);   // EHPAD
        assertThat(Sector.ofCategory("255")).isEqualTo(Sector.PH);   // MAS
        assertThat(Sector.ofCategory("354")).isEqualTo(Sector.DOM);  // SSIAD
        assertThat(Sector.ofCategory("177")).isEqualTo(Sector.PDE);  // MECS
        assertThat(Sector.ofCategory("165")).isEqualTo(Sector.PDS);
        assertThat(Sector.ofCategory("214")).isEqualTo(Sector.AHI);  // CHRS
        assertThat(Sector.ofCategory("340")).isEqualTo(Sector.PJM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "101", "5000", "50", "PA"})
    void categoryOutsideTheTableIsSectorAutre(String category) {
        assertThat(Sector.ofCategory(category)).isEqualTo(Sector.AUTRE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingCategoryIsSectorAutreNotAnError(String category) {
        assertThat(Sector.ofCategory(category)).isEqualTo(Sector.AUTRE);
    }

    @Test
    void sectorsHaveTheirFrenchLabel() {
        assertThat(Sector.PA.label()).isEqualTo("Personnes âgées");
        assertThat(Sector.PDS.label()).isEqualTo("Personnes en difficultés spécifiques");
        assertThat(Sector.PJM.label()).isEqualTo("Protection juridique des majeurs");
    }
}
