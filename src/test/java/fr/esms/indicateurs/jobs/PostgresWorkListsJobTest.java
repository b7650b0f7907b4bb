package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIf(value = "fr.esms.indicateurs.support.Postgres#available", disabledReason = Postgres.UNAVAILABLE)
class PostgresWorkListsJobTest extends WorkListsJobContractTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.useFreshSchema(registry);
    }
}
