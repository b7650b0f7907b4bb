package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache given to an H2 file base, never to another database nor over the operator's own setting. */
class DatabaseUrlTest {

    @Test
    void anH2FileBaseGetsTheCacheUnlessItsUrlSetsOne() {
        assertThat(Database.withH2Cache("jdbc:h2:file:./data/esms-indicateurs"))
                .isEqualTo("jdbc:h2:file:./data/esms-indicateurs;CACHE_SIZE=262144");
        assertThat(Database.withH2Cache("jdbc:h2:./base;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./base;MODE=PostgreSQL;CACHE_SIZE=262144");
        assertThat(Database.withH2Cache("jdbc:h2:file:./b;cache_size=65536")).isEqualTo("jdbc:h2:file:./b;cache_size=65536");
        assertThat(Database.withH2Cache("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.withH2Cache("jdbc:h2:tcp://localhost/~/b")).isEqualTo("jdbc:h2:tcp://localhost/~/b");
        assertThat(Database.withH2Cache("jdbc:postgresql://127.0.0.1:5432/esms?user=postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/esms?user=postgres");
    }
}
