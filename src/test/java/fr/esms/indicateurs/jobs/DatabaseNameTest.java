package fr.esms.indicateurs.jobs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A base is named by its file or its server and database, never with the options (a password) of its URL. */
class DatabaseNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:file:./data/esms-indicateurs | ./data/esms-indicateurs",
            "jdbc:h2:file:/srv/esms/base;MODE=PostgreSQL | /srv/esms/base",
            "jdbc:h2:./data/base | ./data/base",
            "jdbc:h2:mem:abc;DB_CLOSE_DELAY=-1 | h2:mem:abc",
            "jdbc:postgresql://db.ars.fr:5432/esms?user=esms&password=secret | postgresql://db.ars.fr:5432/esms",
            "jdbc:postgresql://esms:secret@db.ars.fr/esms | postgresql://db.ars.fr/esms"})
    void theNameKeepsTheFileOrTheServerAndDatabaseOnly(String url, String name) {
        assertThat(DatabaseName.of(url)).isEqualTo(name);
        assertThat(DatabaseName.inUse(url)).isEqualTo("la base " + name + " est déjà utilisée par un autre"
                + " traitement ; réessayez quand il sera terminé").doesNotContain("secret");
    }
}
