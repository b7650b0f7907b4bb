package fr.esms.indicateurs.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The local PostgreSQL server the PostgreSQL tests run against (127.0.0.1:5432, user postgres, database test).
 * Each test class gets a schema of its own; without a server the tests are skipped with a clear message.
 */
public final class Postgres {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String UNAVAILABLE =
            "PostgreSQL injoignable sur 127.0.0.1:5432 (base test, utilisateur postgres) : tests PostgreSQL ignorés";

    private Postgres() {
    }

    /** Used by {@code @EnabledIf}. */
    public static boolean available() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(SERVER + "&connectTimeout=3")) {
            return c.isValid(3);
        } catch (SQLException e) {
            System.err.println(UNAVAILABLE + " — " + e.getMessage());
            return false;
        }
    }

    /** Creates an empty schema and returns the JDBC URL that uses it. */
    public static String freshSchemaUrl() {
        String schema = "esms_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("création du schéma de test impossible", e);
        }
        return SERVER + "&currentSchema=" + schema;
    }

    /**
     * For a test class's {@code @DynamicPropertySource}: the class's database is a schema of its own, created the
     * first time Spring reads the URL (never when the class is skipped for want of PostgreSQL), then reused.
     */
    public static void useFreshSchema(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", new Supplier<Object>() {
            private String url;

            @Override
            public synchronized Object get() {
                if (url == null) {
                    url = freshSchemaUrl();
                }
                return url;
            }
        });
    }
}
