package fr.esms.indicateurs.consolidation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {

    private final Regions regions = Regions.load();

    @Test
    void the_table_has_the_101_departements_and_18_regions() {
        assertThat(regions.size()).isEqualTo(101);
        assertThat(regions.regionCount()).isEqualTo(18);
    }

    @Test
    void a_few_departements() {
        assertThat(regions.of("35", "350005179")).contains("Bretagne");
        assertThat(regions.of("01", null)).contains("Auvergne-Rhône-Alpes");
        assertThat(regions.of("1", null)).contains("Auvergne-Rhône-Alpes");
        assertThat(regions.of("75", null)).contains("Île-de-France");
        assertThat(regions.of("13", null)).contains("Provence-Alpes-Côte d'Azur");
        assertThat(regions.of("90", null)).contains("Bourgogne-Franche-Comté");
        assertThat(regions.of("59", null)).contains("Hauts-de-France");
    }

    @Test
    void corsica_and_overseas() {
        assertThat(regions.of("2A", "2A0000012")).contains("Corse");
        assertThat(regions.of("2b", null)).contains("Corse");
        assertThat(regions.of("20", null)).contains("Corse");
        assertThat(regions.of("971", null)).contains("Guadeloupe");
        assertThat(regions.of("974", null)).contains("La Réunion");
        assertThat(regions.of("976", null)).contains("Mayotte");
        assertThat(regions.of("97", "973000012")).contains("Guyane");
    }

    @Test
    void unknown_codes_have_no_region() {
        assertThat(regions.of("975", null)).isEmpty(); // Saint-Pierre-et-Miquelon is not a region
        assertThat(regions.of("99", null)).isEmpty();
        assertThat(regions.of("", null)).isEmpty();
        assertThat(regions.of(null, null)).isEmpty();
    }
}
