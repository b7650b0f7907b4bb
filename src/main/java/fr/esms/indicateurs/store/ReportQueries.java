package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.rules.AdjustmentSource;
import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import fr.esms.indicateurs.rules.Sector;
import fr.esms.indicateurs.store.ResultStore.StoredResult;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reports read back for a batch of ESSMS at once (a few queries per batch, never one per ESSMS): the
 * stored measures with their adjustments and warnings, their history, and the packages that fed them.
 */
public class ReportQueries {

    /**
     * A package that fed an ESSMS, with its per-file counts.
     *
     * @param arrivedOn the day the package was first seen ({@code paquet.ingere_le}): lateness is judged on it
     */
    public record FedBy(String name, String sha256, String editor, String software, String softwareVersion,
                        LocalDate extractionDate, LocalDate arrivedOn, List<FileSummary> files) {
    }

    private final JdbcTemplate jdbc;
    /** Null: the live results ({@code resultat...}); else the closed revision read ({@code cloture_...}). */
    private final Integer revision;

    public ReportQueries(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    private ReportQueries(JdbcTemplate jdbc, Integer revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    /**
     * The same queries on a closed revision of the window asked: its results, adjustments and warnings, and only
     * the packages it kept. The history of the other months stays the live one.
     */
    public ReportQueries forRevision(int closedRevision) {
        return new ReportQueries(jdbc, closedRevision);
    }

    private String table(String liveTable) {
        // resultat -> cloture_resultat, resultat_amenagement -> cloture_amenagement, ...
        return revision == null ? liveTable
                : liveTable.equals("resultat") ? "cloture_resultat" : liveTable.replace("resultat_", "cloture_");
    }

    /**
     * The window's condition, and the revision's when one is read. On the live tables it is written as one row
     * comparison, which PostgreSQL reads as the two equalities: H2 turns {@code mois = ?} and
     * {@code fenetre_mois = ?} into index conditions that make it drop the {@code finess IN (...)} lookup, and then
     * reads every row of the table (every month kept) for each batch, comparing each with the batch's 500 FINESS.
     * The closed tables start their key with (mois, fenetre_mois, revision): there the equalities are the lookup.
     */
    private String window() {
        return revision == null ? "(mois, fenetre_mois) = (?, ?)" : "mois = ? AND fenetre_mois = ? AND revision = ?";
    }

    private Object[] windowArgs(List<String> finess, MeasureWindow window) {
        return revision == null ? args(finess, window.month().toString(), window.months())
                : args(finess, window.month().toString(), window.months(), revision);
    }

    /**
     * How a workbook names the rules of a figure: the version and the SHA-256 of its files (rows computed before
     * the rules had a fingerprint: the version alone).
     */
    public static String rulesLabel(String version, String fingerprint) {
        return fingerprint == null || fingerprint.isBlank() ? version
                : version + " (empreinte SHA-256 des fichiers de règles : " + fingerprint + ")";
    }

    /**
     * The stored measures of these ESSMS for the window, rebuilt as the rules returned them; their rules version
     * reads as {@link #rulesLabel}, for the workbooks.
     */
    public Map<String, EssmsMeasure> measures(List<String> finess, Map<String, String> categoryByFiness,
                                              MeasureWindow window) {
        if (finess.isEmpty()) {
            return Map.of();
        }
        String in = in(finess);
        Object[] args = windowArgs(finess, window);
        Map<String, List<IndicatorResult>> results = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        jdbc.query("SELECT * FROM " + table("resultat") + " WHERE finess IN (" + in + ") AND " + window(), rs -> {
            StoredResult r = ResultStore.stored(rs);
            results.computeIfAbsent(r.finess(), k -> new ArrayList<>()).add(r.result());
            versions.put(r.finess(), rulesLabel(r.rulesVersion(), r.rulesFingerprint()));
        }, args);
        Map<String, List<AppliedAdjustment>> applied = new HashMap<>();
        Map<String, List<RefusedAdjustment>> refused = new HashMap<>();
        jdbc.query("SELECT * FROM " + table("resultat_amenagement") + " WHERE finess IN (" + in + ") AND "
                + window() + " ORDER BY indicateur, motif", rs -> {
            String indicator = rs.getString("indicateur");
            Indicator i = indicator == null ? null : Indicator.valueOf(indicator);
            AdjustmentSource source = AdjustmentSource.valueOf(rs.getString("source"));
            if (rs.getBoolean("applique")) {
                applied.computeIfAbsent(rs.getString("finess"), k -> new ArrayList<>()).add(new AppliedAdjustment(i,
                        rs.getString("motif"), rs.getString("libelle"), rs.getLong("personnes"), source,
                        rs.getString("reference")));
            } else {
                refused.computeIfAbsent(rs.getString("finess"), k -> new ArrayList<>()).add(new RefusedAdjustment(i,
                        rs.getString("motif"), source, rs.getLong("personnes"), rs.getString("raison")));
            }
        }, args);
        Map<String, List<String>> warnings = new HashMap<>();
        jdbc.query("SELECT finess, message FROM " + table("resultat_avertissement") + " WHERE finess IN (" + in
                + ") AND " + window(), rs -> {
            warnings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, args);
        Map<String, EssmsMeasure> measures = new LinkedHashMap<>();
        for (String f : finess) {
            List<IndicatorResult> rows = results.get(f);
            if (rows == null) {
                continue;
            }
            rows.sort(java.util.Comparator.comparing(IndicatorResult::indicator));
            measures.put(f, new EssmsMeasure(f, window, versions.get(f), Sector.ofCategory(categoryByFiness.get(f)),
                    rows, applied.getOrDefault(f, List.of()), refused.getOrDefault(f, List.of()),
                    warnings.getOrDefault(f, List.of())));
        }
        return measures;
    }

    /** Whether data fed each ESSMS in the stored window. */
    public Map<String, Boolean> withData(List<String> finess, MeasureWindow window) {
        if (finess.isEmpty()) {
            return Map.of();
        }
        Map<String, Boolean> withData = new HashMap<>();
        jdbc.query("SELECT DISTINCT finess, avec_donnees FROM " + table("resultat") + " WHERE finess IN ("
                        + in(finess) + ") AND " + window(),
                rs -> {
                    withData.put(rs.getString(1), rs.getBoolean(2));
                }, windowArgs(finess, window));
        return withData;
    }

    /**
     * Where the stored figures of each ESSMS came from for the window: the name of the package of the
     * {@code agregats.csv} row used, or null for records (also for results stored before the source was kept).
     * ESSMS with no stored result are absent.
     */
    public Map<String, Optional<String>> aggregatePackages(List<String> finess, MeasureWindow window) {
        if (finess.isEmpty()) {
            return Map.of();
        }
        Map<String, Optional<String>> sources = new HashMap<>();
        jdbc.query("SELECT DISTINCT finess, source_chiffres, paquet_agregats FROM " + table("resultat")
                        + " WHERE finess IN (" + in(finess) + ") AND " + window(),
                rs -> {
                    boolean aggregate = ResultStore.SOURCE_AGGREGATES.equals(rs.getString(2));
                    sources.put(rs.getString(1), Optional.ofNullable(aggregate ? rs.getString(3) : null));
                }, windowArgs(finess, window));
        return sources;
    }

    /** Every stored month of these ESSMS for a window length, oldest first. */
    public Map<String, List<StoredResult>> history(List<String> finess, int windowMonths) {
        if (finess.isEmpty()) {
            return Map.of();
        }
        Map<String, List<StoredResult>> history = new HashMap<>();
        jdbc.query("SELECT * FROM resultat WHERE finess IN (" + in(finess) + ") AND fenetre_mois = ? "
                + "ORDER BY mois, indicateur", rs -> {
            StoredResult r = ResultStore.stored(rs);
            history.computeIfAbsent(r.finess(), k -> new ArrayList<>()).add(r);
        }, args(finess, windowMonths));
        return history;
    }

    /** The ingested packages whose period overlaps the window and that fed these ESSMS. */
    public Map<String, List<FedBy>> packages(List<String> finess, MeasureWindow window) {
        if (finess.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> shaByFiness = new HashMap<>();
        Map<String, FedBy> bySha = new LinkedHashMap<>();
        String kept = revision == null ? "" : " AND EXISTS (SELECT 1 FROM cloture_paquet_essms c WHERE c.sha256 = e.sha256 "
                + "AND c.finess = e.finess AND c.mois = ? AND c.fenetre_mois = ? AND c.revision = ?)";
        Object[] fedArgs = revision == null ? args(finess, Date.valueOf(window.end()), Date.valueOf(window.start()))
                : args(finess, Date.valueOf(window.end()), Date.valueOf(window.start()), window.month().toString(),
                window.months(), revision);
        jdbc.query("SELECT e.finess, p.* FROM paquet_essms e JOIN paquet p ON p.sha256 = e.sha256 "
                + "WHERE e.finess IN (" + in(finess) + ") AND p.statut = 'INGERE' AND p.periode_debut <= ? "
                + "AND p.periode_fin >= ?" + kept + " ORDER BY p.ordre", rs -> {
            String sha = rs.getString("sha256");
            shaByFiness.computeIfAbsent(rs.getString("finess"), k -> new ArrayList<>()).add(sha);
            Date extraction = rs.getDate("date_extraction");
            bySha.putIfAbsent(sha, new FedBy(rs.getString("nom"), sha, rs.getString("editeur"),
                    rs.getString("logiciel"), rs.getString("version_logiciel"),
                    extraction == null ? null : extraction.toLocalDate(),
                    rs.getTimestamp("ingere_le").toLocalDateTime().toLocalDate(), new ArrayList<>()));
        }, fedArgs);
        // The per-file counts of all these packages in one query, not one per package.
        List<String> fed = List.copyOf(bySha.keySet());
        if (!fed.isEmpty()) {
            jdbc.query("SELECT sha256, fichier, lus, retenus, rejetes, rejet_entier FROM paquet_fichier "
                    + "WHERE sha256 IN (" + in(fed) + ") ORDER BY sha256, fichier", rs -> {
                bySha.get(rs.getString(1)).files().add(new FileSummary(rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getString(6)));
            }, fed.toArray());
        }
        Map<String, List<FedBy>> result = new HashMap<>();
        shaByFiness.forEach((f, shas) -> result.put(f, shas.stream().map(bySha::get).toList()));
        return result;
    }

    private static String in(List<String> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static Object[] args(List<String> values, Object... more) {
        Object[] args = new Object[values.size() + more.length];
        for (int i = 0; i < values.size(); i++) {
            args[i] = values.get(i);
        }
        System.arraycopy(more, 0, args, values.size(), more.length);
        return args;
    }
}
