package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Starts the application context on the database the operator named (default: the H2 file under ./data/). */
final class Database {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/esms-indicateurs";

    private Database() {
    }

    /**
     * The URL goes in as a command-line property: default properties ({@code SpringApplicationBuilder.properties})
     * rank below {@code application.properties}, whose own URL would then win over {@code --base}.
     */
    static ConfigurableApplicationContext start(String url) {
        List<String> properties = new ArrayList<>();
        properties.add("--spring.datasource.url=" + (url == null ? DEFAULT_URL : url));
        return new SpringApplicationBuilder(EsmsIndicateursApplication.class)
                .logStartupInfo(false)
                .run(properties.toArray(String[]::new));
    }
}
