package fr.esms.indicateurs.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.esms.indicateurs.support.Postgres;
import fr.esms.indicateurs.support.TdduiGuide;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's examples go through a whole run ({@code executer}): as they are (rejected), with a valid FINESS in a
 * bundle and in NDJSON (kept). Then every name, birth date, address and INS of them is looked for, and must not be
 * found, in the base (the H2 file's bytes; every row of every table of the PostgreSQL schema), in the logs and the
 * command's output, and in every output file (inside the workbooks too).
 */
class TdduiNoIdentityTest {

    static final String ET = "010000016";
    static final String EJ = "130000003";
    static final String MANIFEST = "editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin\n"
            + "Editeur SA;DUI Plus;4.2;" + EJ + ";2023-05-02;2023-04-01;2023-04-30\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void noIdentityOfTheGuideExamplesReachesTheBaseTheLogsOrTheOutputs(String database) throws Exception {
        if (database.equals("postgresql")) {
            Assumptions.assumeTrue(Postgres.available(), Postgres.UNAVAILABLE);
        }
        Path referential = Files.createDirectories(dir.resolve("referentiel"));
        Files.writeString(referential.resolve("essms.csv"), "finess;finess_ej;raison_sociale;categorie;departement;"
                + "projet_id;editeur\n" + ET + ";" + EJ + ";EHPAD des Chênes;500;01;P1;Editeur SA\n");
        Files.writeString(referential.resolve("projets.csv"), "projet_id;intitule;finess_ej_porteur;type_financement;"
                + "date_convention;date_fin_deploiement\nP1;Projet DUI;" + EJ + ";ACQUISITION;2022-06-01;2024-06-30\n");
        Files.writeString(referential.resolve("amenagements.csv"),
                "finess;indicateur;motif;nombre;periode_debut;periode_fin;reference\n");
        Path depot = Files.createDirectories(dir.resolve("depot"));
        String valid = TdduiGuide.read(TdduiGuide.BUNDLE).replace("1480787529", "1" + EJ).replace("480787529", ET);
        write(depot.resolve("guide-tel-quel"), TdduiGuide.BUNDLE, TdduiGuide.read(TdduiGuide.BUNDLE));
        write(depot.resolve("guide-careplan"), TdduiGuide.CAREPLAN, TdduiGuide.read(TdduiGuide.CAREPLAN));
        Files.writeString(depot.resolve("guide-careplan/export.csv"), MANIFEST);
        write(depot.resolve("guide-finess-valide"), TdduiGuide.BUNDLE, valid);
        Files.writeString(depot.resolve("guide-finess-valide/export.csv"), MANIFEST);
        write(depot.resolve("guide-ndjson"), "export.ndjson", ndjson(valid));
        Files.writeString(depot.resolve("guide-ndjson/export.csv"), MANIFEST.replace("2023-05-02", "2023-05-03"));

        String base = database.equals("h2") ? "jdbc:h2:file:" + dir.resolve("base/esms") : Postgres.freshSchemaUrl();
        Path results = dir.resolve("sortie");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        StringWriter out = new StringWriter();
        System.setProperty("esms.pseudonymes.fichier", dir.resolve("cle").toString());
        int code;
        try {
            code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute("executer",
                    "--depot", depot.toString(), "--referentiel", referential.toString(), "--mois", "2023-04",
                    "--sortie", results.toString(), "--base", base);
        } finally {
            System.clearProperty("esms.pseudonymes.fichier");
            root.detachAppender(logs);
        }
        assertThat(code).as(out.toString()).isEqualTo(3);

        // What was kept: one person accompanied since 2023-04-14, her record updated (event of 2023-04-14).
        List<String> indicators = Files.readAllLines(results.resolve("indicateurs/2023-04.csv"));
        assertThat(indicators).contains(ET + ";2023-04;1;DOSSIERS_ACTIFS;1;1;0;1;100.0;90;OUI;0",
                ET + ";2023-04;1;AGENDA;1;1;0;1;100.0;90;OUI;0");
        assertThat(Files.readString(results.resolve("rejets/2023-04.csv"))).contains("guide-tel-quel")
                .contains("numéro FINESS avec une clé de contrôle (Luhn) fausse");

        List<String> places = new ArrayList<>();
        places.add("sortie de la commande\n" + out);
        logs.list.forEach(e -> places.add("journal\n" + e.getFormattedMessage()));
        try (Stream<Path> files = Files.walk(results)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                places.add(file + "\n" + contentOf(file));
            }
        }
        if (database.equals("h2")) {
            try (Stream<Path> files = Files.walk(dir.resolve("base"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    places.add(file + "\n" + new String(bytes, StandardCharsets.UTF_8)
                            + new String(bytes, StandardCharsets.ISO_8859_1));
                }
            }
        } else {
            places.add("base PostgreSQL\n" + dump(base));
        }
        assertThat(places).anyMatch(p -> p.contains(ET)); // the search looks where the data went
        for (String identity : TdduiGuide.IDENTITIES) {
            for (String place : places) {
                assertThat(place).as("« %s » dans %s", identity, place.substring(0, place.indexOf('\n')))
                        .doesNotContain(identity);
            }
        }
    }

    private static void write(Path folder, String name, String content) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** The bundle's resources, one a line (FHIR Bulk Data). */
    private static String ndjson(String bundle) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (JsonNode entry : mapper.readTree(bundle).path("entry")) {
            sb.append(mapper.writeValueAsString(entry.get("resource"))).append('\n');
        }
        return sb.toString();
    }

    /** A file's text; a workbook's (zip) entries' texts. */
    private static String contentOf(Path file) throws IOException {
        if (!file.toString().endsWith(".xlsx")) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sb.toString();
    }

    /** Every row of every table of the run's schema, as text. */
    private static String dump(String url) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("paquet", "paquet_rejet");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        sb.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
