package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.MeasureWindow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A base filled by the version before the closings (Flyway V9) migrates to V10 without losing anything: V10 only
 * adds tables, and a month computed before can be closed at once.
 */
abstract class ClosingMigrationContractTest {

    static final String A = "010000016";

    abstract String url();

    abstract String vendor();

    private Flyway flyway(DriverManagerDataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load();
    }

    @Test
    void resultsAndPackagesStoredBeforeTheClosingsSurviveAndCanBeClosed() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url());
        flyway(dataSource, "9").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp arrived = Timestamp.valueOf("2026-11-04 06:00:00");
        jdbc.update("INSERT INTO paquet (sha256, nom, ordre, editeur, date_extraction, periode_debut, periode_fin, "
                + "statut, ingere_le) VALUES ('sha-oct', 'p-oct', '2026-11-03|p-oct', 'Logivie', ?, ?, ?, 'INGERE', ?)",
                Date.valueOf("2026-11-03"), Date.valueOf("2026-10-01"), Date.valueOf("2026-10-31"), arrived);
        jdbc.update("INSERT INTO paquet_essms (sha256, finess) VALUES ('sha-oct', ?)", A);
        jdbc.update("INSERT INTO ref_essms VALUES (?, '010000024', 'EHPAD test', '500', '01', 'P1', 'Logivie')", A);
        jdbc.update("INSERT INTO resultat (finess, mois, fenetre_mois, indicateur, numerateur, denominateur_brut, "
                + "ajustement, denominateur, cible, atteinte, manque, version_regles, avec_donnees, calcule_le, "
                + "source_chiffres) VALUES (?, '2026-10', 1, 'AGENDA', 9, 10, 0, 10, 90, 'OUI', 0, '2025', TRUE, ?, "
                + "'DOSSIERS')", A, arrived);
        jdbc.update("INSERT INTO resultat_amenagement (finess, mois, fenetre_mois, indicateur, motif, source, "
                + "personnes, applique, libelle, reference, raison) VALUES (?, '2026-10', 1, 'DMP', 'ANONYMAT', "
                + "'DECLARE', 2, FALSE, NULL, NULL, 'motif non autorisé')", A);
        List<Map<String, Object>> before = everything(jdbc);

        flyway(dataSource, "latest").migrate();

        assertThat(everything(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cloture", Integer.class)).isZero();
        ClosingStore store = new ClosingStore(jdbc);
        MeasureWindow october = new MeasureWindow(YearMonth.of(2026, 10), 1);
        store.copyLive(october, store.nextRevision(october));
        // computed before the rules had a fingerprint (V9): the revision keeps none rather than invent one
        assertThat(jdbc.queryForObject("SELECT finess || ' ' || indicateur || ' ' || numerateur || ' ' || revision "
                + "|| ' ' || version_regles || ' ' || COALESCE(empreinte_regles, '-') FROM cloture_resultat",
                String.class)).isEqualTo(A + " AGENDA 9 1 2025 -");
        assertThat(jdbc.queryForObject("SELECT raison FROM cloture_amenagement WHERE revision = 1", String.class))
                .isEqualTo("motif non autorisé");
        assertThat(new ClosedFigures(jdbc).packages(october, 1)).extracting(p -> p.name() + " " + p.arrivedAt())
                .containsExactly("p-oct 2026-11-04T06:00");
        assertThat(everything(jdbc)).isEqualTo(before);
    }

    private static List<Map<String, Object>> everything(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (String table : List.of("paquet", "paquet_essms", "ref_essms", "resultat", "resultat_amenagement")) {
            rows.addAll(jdbc.queryForList("SELECT '" + table + "' AS t, x.* FROM " + table + " x"));
        }
        return rows;
    }
}
