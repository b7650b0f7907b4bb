package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIf;

@EnabledIf(value = "fr.esms.indicateurs.support.Postgres#available", disabledReason = Postgres.UNAVAILABLE)
class PostgresCrashRestartTest extends CrashRestartContractTest {

    @Override
    String freshDatabase() {
        return Postgres.freshSchemaUrl();
    }
}
