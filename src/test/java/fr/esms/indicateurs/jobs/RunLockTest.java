package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLockAndAllowedAfter(String vendor) {
        String url;
        if (vendor.equals("h2")) {
            url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=100";
        } else {
            Assumptions.assumeTrue(Postgres.available(), Postgres.UNAVAILABLE);
            url = Postgres.freshSchemaUrl();
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        RunLock lock = new RunLock(dataSource);

        RunLock.Held first = lock.acquire();
        assertThatThrownBy(lock::acquire).isInstanceOf(RunLock.AlreadyRunningException.class)
                .hasMessageEndingWith(" est déjà utilisée par un autre traitement ; réessayez quand il sera terminé"
                        + " (la commande historique montre le traitement en cours)")
                .hasMessageStartingWith("la base " + DatabaseName.of(url) + " ")
                .hasMessageNotContaining("?").hasMessageNotContaining("user=");
        first.close();
        lock.acquire().close();
    }
}
