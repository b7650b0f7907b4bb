package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The history of computed indicators: one row per ESSMS, measure month, window and indicator. */
public class ResultStore {

    /**
     * A measure, whether any data fed the ESSMS in its window, and where its figures came from: the package of the
     * {@code agregats.csv} row used, or null when they come from records; the SHA-256 of the rules files used.
     */
    public record Measured(EssmsMeasure measure, boolean withData, String aggregatePackage,
                           String rulesFingerprint) {

        public Measured(EssmsMeasure measure, boolean withData) {
            this(measure, withData, null, null);
        }

        public Measured(EssmsMeasure measure, boolean withData, String aggregatePackage) {
            this(measure, withData, aggregatePackage, null);
        }

        public boolean fromAggregate() {
            return aggregatePackage != null;
        }
    }

    /** {@code resultat.source_chiffres}: records. */
    public static final String SOURCE_RECORDS = "DOSSIERS";
    /** {@code resultat.source_chiffres}: an {@code agregats.csv} row, named by {@code paquet_agregats}. */
    public static final String SOURCE_AGGREGATES = "AGREGATS";

    /** A stored result row. */
    public record StoredResult(String finess, YearMonth month, int windowMonths, IndicatorResult result,
                               String rulesVersion, boolean withData, String rulesFingerprint) {

        public StoredResult(String finess, YearMonth month, int windowMonths, IndicatorResult result,
                            String rulesVersion, boolean withData) {
            this(finess, month, windowMonths, result, rulesVersion, withData, null);
        }
    }

    private final JdbcTemplate jdbc;

    public ResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the stored figures of these ESSMS for their window: computing twice never adds rows. */
    public void save(List<Measured> measures) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> results = new ArrayList<>();
        List<Object[]> adjustments = new ArrayList<>();
        List<Object[]> warnings = new ArrayList<>();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (Measured m : measures) {
            EssmsMeasure measure = m.measure();
            String month = measure.window().month().toString();
            int window = measure.window().months();
            keys.add(new Object[]{measure.finess(), month, window});
            for (IndicatorResult r : measure.results()) {
                results.add(new Object[]{measure.finess(), month, window, r.indicator().name(), r.numerator(),
                        r.rawDenominator(), r.adjustment(), r.denominator(), r.target(),
                        r.attainment() == null ? null : r.attainment().name(), r.gap(), measure.rulesVersion(),
                        m.withData(), now, m.fromAggregate() ? SOURCE_AGGREGATES : SOURCE_RECORDS,
                        m.aggregatePackage(), m.rulesFingerprint()});
            }
            for (AppliedAdjustment a : measure.applied()) {
                adjustments.add(new Object[]{measure.finess(), month, window, a.indicator().name(), a.code(),
                        a.source().name(), a.count(), true, a.label(), a.reference(), null});
            }
            for (RefusedAdjustment a : measure.refused()) {
                adjustments.add(new Object[]{measure.finess(), month, window,
                        a.indicator() == null ? null : a.indicator().name(), a.code(), a.source().name(), a.count(),
                        false, null, null, a.reason()});
            }
            for (String w : measure.warnings()) {
                warnings.add(new Object[]{measure.finess(), month, window, w});
            }
        }
        deleteStored(keys);
        jdbc.batchUpdate("INSERT INTO resultat (finess, mois, fenetre_mois, indicateur, numerateur, "
                + "denominateur_brut, ajustement, denominateur, cible, atteinte, manque, version_regles, "
                + "avec_donnees, calcule_le, source_chiffres, paquet_agregats, empreinte_regles) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", results,
                new int[]{java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.INTEGER,
                        java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT,
                        java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.VARCHAR, java.sql.Types.BIGINT,
                        java.sql.Types.VARCHAR, java.sql.Types.BOOLEAN, java.sql.Types.TIMESTAMP,
                        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR});
        jdbc.batchUpdate("INSERT INTO resultat_amenagement (finess, mois, fenetre_mois, indicateur, motif, source, "
                + "personnes, applique, libelle, reference, raison) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                adjustments, new int[]{java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.INTEGER,
                        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BIGINT,
                        java.sql.Types.BOOLEAN, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                        java.sql.Types.VARCHAR});
        jdbc.batchUpdate("INSERT INTO resultat_avertissement (finess, mois, fenetre_mois, message) "
                + "VALUES (?, ?, ?, ?)", warnings);
    }

    /**
     * Deletes what is stored for these (FINESS, month, window) keys: one statement per table, window and thousand
     * FINESS (a nightly run recomputes a month already stored: 1 500 single-key deletes per chunk were a third of
     * the computation step). The FINESS as an IN list and the window as one row comparison (PostgreSQL reads it
     * as the two equalities): H2 looks the FINESS up in the index only so, and otherwise read every stored result
     * of the table at each chunk (see ReportQueries.window).
     */
    private void deleteStored(List<Object[]> keys) {
        Map<List<Object>, List<String>> finessByWindow = new LinkedHashMap<>();
        for (Object[] key : keys) {
            finessByWindow.computeIfAbsent(List.of(key[1], key[2]), k -> new ArrayList<>()).add((String) key[0]);
        }
        finessByWindow.forEach((window, finess) -> {
            for (int from = 0; from < finess.size(); from += 1000) {
                List<String> batch = finess.subList(from, Math.min(finess.size(), from + 1000));
                List<Object> args = new ArrayList<>(List.of(window.get(0), window.get(1)));
                args.addAll(batch);
                String in = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
                for (String table : List.of("resultat", "resultat_amenagement", "resultat_avertissement")) {
                    jdbc.update("DELETE FROM " + table + " WHERE (mois, fenetre_mois) = (?, ?) AND finess IN ("
                            + in + ")", args.toArray());
                }
            }
        });
    }

    /**
     * The results of a measure month and window for the ESSMS of the current referential, streamed in FINESS
     * order (a national month is 250 000 rows: never all in memory). Rows of one FINESS come together; their
     * order between them is the database's.
     */
    public void forEachOfMonth(YearMonth month, int windowMonths, Consumer<StoredResult> each) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL streams only inside a transaction (the step's); elsewhere it reads the whole result.
        streaming.setFetchSize(5_000);
        streaming.query("SELECT r.* FROM resultat r JOIN ref_essms e ON e.finess = r.finess "
                        + "WHERE r.mois = ? AND r.fenetre_mois = ? ORDER BY r.finess, r.indicateur",
                rs -> {
                    each.accept(stored(rs));
                }, month.toString(), windowMonths);
    }

    /** True when something is stored for this measure month and window. */
    public boolean anyOfMonth(YearMonth month, int windowMonths) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM resultat WHERE mois = ? "
                + "AND fenetre_mois = ?", Boolean.class, month.toString(), windowMonths));
    }

    /** Every stored month of one ESSMS for a window length, oldest first. */
    public List<StoredResult> history(String finess, int windowMonths) {
        return jdbc.query("SELECT * FROM resultat WHERE finess = ? AND fenetre_mois = ? ORDER BY mois, indicateur",
                (rs, i) -> stored(rs), finess, windowMonths);
    }

    static StoredResult stored(ResultSet rs) throws SQLException {
        IndicatorResult result = new IndicatorResult(Indicator.valueOf(rs.getString("indicateur")),
                rs.getLong("numerateur"), nullableLong(rs, "denominateur_brut"), rs.getLong("ajustement"),
                nullableLong(rs, "denominateur"), nullableInt(rs, "cible"),
                rs.getString("atteinte") == null ? null : Attainment.valueOf(rs.getString("atteinte")),
                rs.getLong("manque"));
        return new StoredResult(rs.getString("finess"), YearMonth.parse(rs.getString("mois")),
                rs.getInt("fenetre_mois"), result, rs.getString("version_regles"), rs.getBoolean("avec_donnees"),
                rs.getString("empreinte_regles"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
