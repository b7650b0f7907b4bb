package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.PackageStamp;
import fr.esms.indicateurs.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The stamps of a scan replace those of the previous scan of the same dépôt, and of that dépôt only. */
class DepotStampsTest {

    private static PackageStamp stamp(String name, char state, char sha) {
        return new PackageStamp(name, String.valueOf(state).repeat(64), String.valueOf(sha).repeat(64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aScanReplacesTheStampsOfItsDepotOnly(String vendor) {
        String url;
        if (vendor.equals("h2")) {
            url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        } else {
            Assumptions.assumeTrue(Postgres.available(), Postgres.UNAVAILABLE);
            url = Postgres.freshSchemaUrl();
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        DepotStamps stamps = new DepotStamps(new JdbcTemplate(dataSource));
        Path depot = Path.of("depot-ars");
        Path other = Path.of("autre-depot");

        stamps.save(depot, List.of(stamp("a", '1', 'a'), stamp("b", '2', 'b'), stamp("c", '3', 'c')));
        stamps.save(other, List.of(stamp("a", '9', 'f')));
        // Next scan: a unchanged, b changed, c gone (archived), d new.
        stamps.save(depot.toAbsolutePath(), List.of(stamp("a", '1', 'a'), stamp("b", '4', 'e'),
                stamp("d", '5', 'd')));

        assertThat(stamps.load(depot).values()).containsExactlyInAnyOrder(stamp("a", '1', 'a'),
                stamp("b", '4', 'e'), stamp("d", '5', 'd'));
        assertThat(stamps.load(other).values()).containsExactly(stamp("a", '9', 'f'));
        stamps.save(depot, List.of());
        assertThat(stamps.load(depot)).isEmpty();
    }
}
