package fr.esms.indicateurs.cli;

import com.zaxxer.hikari.pool.HikariPool;
import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.jobs.DatabaseName;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.util.Optional;

/** Starts the application context on the database the operator named (default: the H2 file under ./data/). */
final class Database {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/esms-indicateurs";
    /**
     * H2's page cache, in KiB, unless the URL sets one: its default (16 MiB) made a national month's calculation
     * read the same pages from the file again and again (docs/performances.md). Bounded: the heap does not grow
     * with the base.
     */
    static final String H2_CACHE = ";CACHE_SIZE=262144";

    private Database() {
    }

    /** @throws fr.esms.indicateurs.jobs.RunLock.AlreadyRunningException when another process holds an H2 file base */
    static ConfigurableApplicationContext start(String url) {
        return start(url, null);
    }

    /**
     * @param rulesFolder the ARS's rules folder, or null for the built-in rules versions
     * @throws fr.esms.indicateurs.jobs.RunLock.AlreadyRunningException when another process holds an H2 file base
     */
    static ConfigurableApplicationContext start(String url, String rulesFolder) {
        String jdbcUrl = withH2Cache(relativeH2Explicit(url == null || url.isBlank() ? DEFAULT_URL : url.trim()));
        try (H2FileHold held = H2FileHold.take(jdbcUrl)) {
            // Given as command-line properties: they must win over application.properties.
            return new SpringApplicationBuilder(EsmsIndicateursApplication.class)
                    .logStartupInfo(false)
                    .run("--spring.datasource.url=" + jdbcUrl,
                            "--esms.regles=" + (rulesFolder == null ? "" : rulesFolder.trim()));
        } catch (RuntimeException e) {
            throw Unreachable.from(e, jdbcUrl).orElseThrow(() -> e);
        }
    }

    /**
     * H2 refuses a file path implicitly relative to the working directory ({@code jdbc:h2:file:data/x}); an operator
     * means it relative to where the command runs, as {@code ./data/x} says explicitly.
     */
    static String relativeH2Explicit(String url) {
        String prefix = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : "jdbc:h2:";
        if (!H2FileHold.isEmbeddedFile(url)) {
            return url;
        }
        String path = url.substring(prefix.length());
        // A drive (C:) or one of H2's file systems (zip:, split:, nio: ...) is the operator's own choice.
        boolean explicit = path.startsWith("/") || path.startsWith("\\") || path.startsWith("./")
                || path.startsWith("../") || path.startsWith(".\\") || path.startsWith("~")
                || path.split(";", 2)[0].contains(":");
        return explicit ? url : prefix + "./" + path;
    }

    /** The database could not be reached or opened: said in French, naming the base, never its password. */
    static final class Unreachable extends RuntimeException {

        private Unreachable(String message, Throwable cause) {
            super(message, cause);
        }

        /** When {@code failure} comes from the first connection to the base, the operator's message for it. */
        static Optional<Unreachable> from(Throwable failure, String jdbcUrl) {
            boolean connecting = false;
            SQLException driver = null;
            for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
                connecting |= t instanceof CannotGetJdbcConnectionException
                        || t instanceof HikariPool.PoolInitializationException;
                if (t instanceof SQLException sql) {
                    driver = sql; // the deepest: the driver's own words
                }
            }
            if (!connecting) {
                return Optional.empty();
            }
            String reason = driver == null || driver.getMessage() == null ? String.valueOf(failure.getMessage())
                    : driver.getMessage();
            return Optional.of(new Unreachable("base de données " + DatabaseName.of(jdbcUrl) + " inaccessible : "
                    + reason.strip() + ". Vérifiez l'URL donnée à --base (ou base= dans jobs/*.properties), que le"
                    + " serveur répond et que la base existe", failure));
        }
    }

    /** {@code url} with {@link #H2_CACHE} when it names an H2 base and sets no cache size of its own. */
    static String withH2Cache(String url) {
        boolean h2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
        return h2 && !url.toUpperCase(java.util.Locale.ROOT).contains("CACHE_SIZE=") ? url + H2_CACHE : url;
    }
}
