package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIf(value = "fr.esms.indicateurs.support.Postgres#available", disabledReason = Postgres.UNAVAILABLE)
class PostgresAggregatesJobTest extends AggregatesJobContractTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", Schema::url);
    }

    /** One schema for the whole class, created on first use only (never when PostgreSQL is absent). */
    private static final class Schema {
        static final String URL = Postgres.freshSchemaUrl();

        static String url() {
            return URL;
        }
    }
}
