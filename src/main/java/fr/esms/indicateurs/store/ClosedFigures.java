package fr.esms.indicateurs.store;

import fr.esms.indicateurs.closing.ClosedPackage;
import fr.esms.indicateurs.closing.RevisionDiff;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ResultStore.StoredResult;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import static fr.esms.indicateurs.store.ClosingStore.REVISION;
import static fr.esms.indicateurs.store.ClosingStore.args;

/**
 * Reads a closed revision back (its rows and packages), and the live figures of the same window in the same
 * shape, so that two revisions, or a revision and what the month shows now, can be compared.
 */
public class ClosedFigures {

    private static final String LIVE_FED = "FROM paquet_essms pe JOIN paquet p ON p.sha256 = pe.sha256 "
            + "JOIN ref_essms e ON e.finess = pe.finess WHERE p.statut = 'INGERE' AND p.periode_debut <= ? "
            + "AND p.periode_fin >= ?";

    private final JdbcTemplate jdbc;

    public ClosedFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of a revision in FINESS order, streamed (the rows of one FINESS together). */
    public void forEachResult(MeasureWindow window, int revision, Consumer<StoredResult> each) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(5_000);
        streaming.query("SELECT * FROM cloture_resultat WHERE " + REVISION + " ORDER BY finess, indicateur",
                rs -> {
                    each.accept(ResultStore.stored(rs));
                }, args(window, revision));
    }

    /** A revision's side of a diff. */
    public RevisionDiff.Side side(MeasureWindow window, int revision) {
        Map<String, Map<Indicator, IndicatorResult>> rows = new TreeMap<>();
        jdbc.query("SELECT * FROM cloture_resultat WHERE " + REVISION, rs -> {
            add(rows, ResultStore.stored(rs));
        }, args(window, revision));
        Map<String, Set<String>> fed = new TreeMap<>();
        jdbc.query("SELECT finess, sha256 FROM cloture_paquet_essms WHERE " + REVISION, rs -> {
            fed.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }, args(window, revision));
        return new RevisionDiff.Side(rows, fed);
    }

    /** What the month shows now (the stored results of the referential's ESSMS), as a side of a diff. */
    public RevisionDiff.Side liveSide(MeasureWindow window) {
        Map<String, Map<Indicator, IndicatorResult>> rows = new TreeMap<>();
        jdbc.query("SELECT r.* FROM resultat r JOIN ref_essms e ON e.finess = r.finess WHERE r.mois = ? "
                + "AND r.fenetre_mois = ?", rs -> {
            add(rows, ResultStore.stored(rs));
        }, args(window));
        Map<String, Set<String>> fed = new TreeMap<>();
        jdbc.query("SELECT DISTINCT pe.finess, pe.sha256 " + LIVE_FED, rs -> {
            fed.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }, Date.valueOf(window.end()), Date.valueOf(window.start()));
        return new RevisionDiff.Side(rows, fed);
    }

    /** The packages of a revision, by extraction date then name. */
    public List<ClosedPackage> packages(MeasureWindow window, int revision) {
        return jdbc.query("SELECT sha256, nom, editeur, date_extraction, recu_le FROM cloture_paquet WHERE "
                + REVISION + " ORDER BY date_extraction, nom, sha256", (rs, i) -> closedPackage(rs),
                args(window, revision));
    }

    /** The ingested packages whose period overlaps the window and that fed an ESSMS of the referential. */
    public List<ClosedPackage> livePackages(MeasureWindow window) {
        return jdbc.query("SELECT sha256, nom, editeur, date_extraction, ingere_le AS recu_le FROM paquet "
                        + "WHERE sha256 IN (SELECT pe.sha256 " + LIVE_FED + ") ORDER BY date_extraction, nom, sha256",
                (rs, i) -> closedPackage(rs), Date.valueOf(window.end()), Date.valueOf(window.start()));
    }

    /** ESSMS of the referential with no stored result with data in the window, in FINESS order. */
    public List<String> withoutData(MeasureWindow window) {
        return jdbc.queryForList("SELECT e.finess FROM ref_essms e WHERE NOT EXISTS (SELECT 1 FROM resultat r "
                + "WHERE r.finess = e.finess AND r.mois = ? AND r.fenetre_mois = ? AND r.avec_donnees = TRUE) "
                + "ORDER BY e.finess", String.class, args(window));
    }

    /**
     * ESSMS of the referential fed by a package of the window that was first seen after {@code lastDay}: lateness
     * is judged on the arrival ({@code paquet.ingere_le}, written once, the first time the content was seen), not on
     * the editor's {@code date_extraction}.
     */
    public List<String> arrivedLate(MeasureWindow window, LocalDate lastDay) {
        return jdbc.queryForList("SELECT DISTINCT pe.finess " + LIVE_FED + " AND p.ingere_le >= ? ORDER BY pe.finess",
                String.class, Date.valueOf(window.end()), Date.valueOf(window.start()),
                Timestamp.valueOf(lastDay.plusDays(1).atStartOfDay()));
    }

    private static void add(Map<String, Map<Indicator, IndicatorResult>> rows, StoredResult r) {
        rows.computeIfAbsent(r.finess(), k -> new EnumMap<>(Indicator.class)).put(r.result().indicator(), r.result());
    }

    private static ClosedPackage closedPackage(ResultSet rs) throws SQLException {
        Date extraction = rs.getDate("date_extraction");
        return new ClosedPackage(rs.getString("sha256"), rs.getString("nom"), rs.getString("editeur"),
                extraction == null ? null : extraction.toLocalDate(), rs.getTimestamp("recu_le").toLocalDateTime());
    }
}
