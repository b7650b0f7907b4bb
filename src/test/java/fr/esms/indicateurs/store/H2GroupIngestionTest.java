package fr.esms.indicateurs.store;

import java.util.UUID;

class H2GroupIngestionTest extends GroupIngestionContractTest {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Override
    String vendor() {
        return "h2";
    }
}
