package fr.esms.indicateurs.store;

import java.util.UUID;

class H2SegmentCompactionTest extends SegmentCompactionContractTest {

    @Override
    String freshUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String vendor() {
        return "h2";
    }
}
