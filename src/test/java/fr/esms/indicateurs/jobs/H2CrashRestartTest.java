package fr.esms.indicateurs.jobs;

import java.util.UUID;

class H2CrashRestartTest extends CrashRestartContractTest {

    @Override
    String freshDatabase() {
        return "jdbc:h2:file:" + dataset.resolve("db-" + UUID.randomUUID());
    }
}
