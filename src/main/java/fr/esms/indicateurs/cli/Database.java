package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;


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
        String jdbcUrl = withH2Cache(url == null || url.isBlank() ? DEFAULT_URL : url.trim());
        try (H2FileHold held = H2FileHold.take(jdbcUrl)) {
            // Given as command-line properties: they must win over application.properties.
            return new SpringApplicationBuilder(EsmsIndicateursApplication.class)
                    .logStartupInfo(false)
                    .run("--spring.datasource.url=" + jdbcUrl,
                            "--esms.regles=" + (rulesFolder == null ? "" : rulesFolder.trim()));
        }
    }

    /** {@code url} with {@link #H2_CACHE} when it names an H2 base and sets no cache size of its own. */
    static String withH2Cache(String url) {
        boolean h2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
        return h2 && !url.toUpperCase(java.util.Locale.ROOT).contains("CACHE_SIZE=") ? url + H2_CACHE : url;
    }
}
