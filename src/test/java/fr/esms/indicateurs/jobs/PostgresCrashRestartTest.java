package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIf;

import java.util.List;

@EnabledIf(value = "fr.esms.indicateurs.support.Postgres#available", disabledReason = Postgres.UNAVAILABLE)
class PostgresCrashRestartTest extends CrashRestartContractTest {

    @Override
    String freshDatabase() {
        return Postgres.freshSchemaUrl();
    }

    /** Groups of 1 MiB: many groups, two in flight (one staging, one merging) when the kill comes. */
    @Override
    List<String> jvmOptions() {
        return List.of("-Desms.ingestion.groupe-octets=" + (1 << 20));
    }
}
