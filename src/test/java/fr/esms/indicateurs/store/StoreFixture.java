package fr.esms.indicateurs.store;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** A base migrated as the application does, and the transactions the store is given, for the store's tests. */
final class StoreFixture {

    private StoreFixture() {
    }

    /** A data source on {@code url}, migrated with the common scripts and those of {@code vendor} (h2, postgresql). */
    static DriverManagerDataSource migrated(String url, String vendor) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        return dataSource;
    }

    /** Each call in a transaction of its own, as {@code StoreConfiguration} gives the store. */
    static TransactionTemplate ownTransactions(DataSource dataSource) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }
}
