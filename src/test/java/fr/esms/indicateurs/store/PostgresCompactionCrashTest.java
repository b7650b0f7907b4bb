package fr.esms.indicateurs.store;

import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIf;

@EnabledIf(value = "fr.esms.indicateurs.support.Postgres#available", disabledReason = Postgres.UNAVAILABLE)
class PostgresCompactionCrashTest extends CompactionCrashContractTest {

    @Override
    String freshUrl() {
        return Postgres.freshSchemaUrl();
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
