package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;


/** Starts the application context on the database the operator named (default: the H2 file under ./data/). */
final class Database {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/esms-indicateurs";

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
        String jdbcUrl = url == null || url.isBlank() ? DEFAULT_URL : url;
        try (H2FileHold held = H2FileHold.take(jdbcUrl)) {
            // Given as command-line properties: they must win over application.properties.
            return new SpringApplicationBuilder(EsmsIndicateursApplication.class)
                    .logStartupInfo(false)
                    .run("--spring.datasource.url=" + jdbcUrl,
                            "--esms.regles=" + (rulesFolder == null ? "" : rulesFolder.trim()));
        }
    }
}
