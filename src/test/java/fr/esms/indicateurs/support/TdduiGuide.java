package fr.esms.indicateurs.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The TDDUI guide's examples copied under {@code src/test/resources/tddui/guide/} and the identities they carry. */
public final class TdduiGuide {

    public static final Path FOLDER = Path.of("src/test/resources/tddui/guide");
    public static final String BUNDLE = "Bundle-ExampleTDDUIBundle.json";
    public static final String CAREPLAN = "CarePlan-tddui-pp-pa-careplan-example.extracted.json";
    /**
     * Every identity the examples carry: names, birth date (also inside the patient's local identifier), birth
     * place, address, INS-NIR (also inside the stay and event identifiers), and the project identifier built on the
     * other patient's local number (the bare {@code 123456789} is no identity: H2 writes {@code 0123456789} in its
     * own pages).
     */
    public static final List<String> IDENTITIES = List.of("DUPONT", "Dupont", "Jean Stéphane", "Jeanne",
            "1947-04-03", "19470403", "194704032", "12 rue des Lilas", "Lilas", "Vittefleur", "76748", "Mazoires",
            "63220", "147720425367411", "123456789-PPER");

    private TdduiGuide() {
    }

    public static String read(String name) throws IOException {
        return Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
    }
}
