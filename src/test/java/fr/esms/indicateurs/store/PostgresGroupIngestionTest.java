package fr.esms.indicateurs.store;

import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIf;

@EnabledIf(value = "fr.esms.indicateurs.support.Postgres#available", disabledReason = Postgres.UNAVAILABLE)
class PostgresGroupIngestionTest extends GroupIngestionContractTest {

    private final String url = Postgres.freshSchemaUrl();

    @Override
    String url() {
        return url;
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
