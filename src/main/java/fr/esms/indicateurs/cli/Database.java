package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;


/** Starts the application context on the database the operator named (default: the H2 file under ./data/). */
final class Database {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/esms-indicateurs";

    private Database() {
    }

    static ConfigurableApplicationContext start(String url) {
        return start(url, null);
    }

    /** @param rulesFolder the ARS's rules folder, or null for the built-in rules versions */
    static ConfigurableApplicationContext start(String url, String rulesFolder) {
        // Given as command-line properties: they must win over application.properties.
        return new SpringApplicationBuilder(EsmsIndicateursApplication.class)
                .logStartupInfo(false)
                .run("--spring.datasource.url=" + (url == null || url.isBlank() ? DEFAULT_URL : url),
                        "--esms.regles=" + (rulesFolder == null ? "" : rulesFolder.trim()));
    }
}
