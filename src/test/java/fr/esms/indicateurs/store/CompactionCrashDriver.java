package fr.esms.indicateurs.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run in a JVM of its own by {@link CompactionCrashContractTest}: compacts the base at {@code args[0]}, five ESSMS
 * per transaction, telling each ESSMS rewritten (not yet committed) and pausing there, so that the test can kill
 * it in the middle of a transaction.
 */
public final class CompactionCrashDriver {

    static final int ESSMS_PER_TRANSACTION = 5;
    static final String REWRITTEN = "réécrit ";

    private CompactionCrashDriver() {
    }

    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0]);
        new SegmentCompaction(new JdbcTemplate(dataSource), new TransactionTemplate(
                new DataSourceTransactionManager(dataSource)), ESSMS_PER_TRANSACTION, 1, finess -> {
            System.out.println(REWRITTEN + finess);
            System.out.flush();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).compactAll();
        System.out.println("fin");
    }
}
