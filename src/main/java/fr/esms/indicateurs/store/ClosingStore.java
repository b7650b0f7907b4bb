package fr.esms.indicateurs.store;

import fr.esms.indicateurs.closing.Closing;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The closings of (month, window) and their revisions. Every table written here is insert-only: a revision, once
 * stored, is never updated nor deleted (and {@link RetentionPurge} does not touch it).
 */
public class ClosingStore {

    static final String WINDOW = "mois = ? AND fenetre_mois = ?";
    static final String REVISION = WINDOW + " AND revision = ?";

    private final JdbcTemplate jdbc;

    public ClosingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every closing, by month, window and revision. */
    public List<Closing> all() {
        return jdbc.query("SELECT * FROM cloture ORDER BY mois, fenetre_mois, revision", (rs, i) -> closing(rs));
    }

    public Optional<Closing> latest(MeasureWindow window) {
        return jdbc.query("SELECT * FROM cloture WHERE " + WINDOW + " ORDER BY revision DESC",
                (rs, i) -> closing(rs), args(window)).stream().findFirst();
    }

    public Optional<Closing> find(MeasureWindow window, int revision) {
        return jdbc.query("SELECT * FROM cloture WHERE " + REVISION, (rs, i) -> closing(rs),
                args(window, revision)).stream().findFirst();
    }

    public int nextRevision(MeasureWindow window) {
        Integer last = jdbc.queryForObject("SELECT MAX(revision) FROM cloture WHERE " + WINDOW, Integer.class,
                args(window));
        return last == null ? 1 : last + 1;
    }

    /**
     * Copies into the revision what the month shows now: the stored results of the referential's ESSMS with their
     * adjustments and warnings, and the ingested packages whose period overlaps the window with the ESSMS they fed.
     * Each row keeps the rules version and fingerprint it was computed with.
     */
    public void copyLive(MeasureWindow window, int revision) {
        Object[] key = args(window, revision);
        jdbc.update("INSERT INTO cloture_resultat (mois, fenetre_mois, revision, finess, indicateur, numerateur, "
                + "denominateur_brut, ajustement, denominateur, cible, atteinte, manque, version_regles, "
                + "empreinte_regles, avec_donnees, calcule_le, source_chiffres, paquet_agregats) "
                + "SELECT r.mois, r.fenetre_mois, ?, r.finess, r.indicateur, r.numerateur, r.denominateur_brut, "
                + "r.ajustement, r.denominateur, r.cible, r.atteinte, r.manque, r.version_regles, "
                + "r.empreinte_regles, r.avec_donnees, r.calcule_le, "
                + "r.source_chiffres, r.paquet_agregats FROM resultat r JOIN ref_essms e ON e.finess = r.finess "
                + "WHERE r.mois = ? AND r.fenetre_mois = ?",
                revision, key[0], key[1]);
        jdbc.update("INSERT INTO cloture_amenagement (mois, fenetre_mois, revision, finess, indicateur, motif, "
                + "source, personnes, applique, libelle, reference, raison) SELECT a.mois, a.fenetre_mois, ?, "
                + "a.finess, a.indicateur, a.motif, a.source, a.personnes, a.applique, a.libelle, a.reference, "
                + "a.raison FROM resultat_amenagement a JOIN ref_essms e ON e.finess = a.finess "
                + "WHERE a.mois = ? AND a.fenetre_mois = ?", revision, key[0], key[1]);
        jdbc.update("INSERT INTO cloture_avertissement (mois, fenetre_mois, revision, finess, message) "
                + "SELECT w.mois, w.fenetre_mois, ?, w.finess, w.message FROM resultat_avertissement w "
                + "JOIN ref_essms e ON e.finess = w.finess WHERE w.mois = ? AND w.fenetre_mois = ?",
                revision, key[0], key[1]);
        String fed = "FROM paquet_essms pe JOIN paquet p ON p.sha256 = pe.sha256 JOIN ref_essms e "
                + "ON e.finess = pe.finess WHERE p.statut = 'INGERE' AND p.periode_debut <= ? AND p.periode_fin >= ?";
        java.sql.Date end = java.sql.Date.valueOf(window.end());
        java.sql.Date start = java.sql.Date.valueOf(window.start());
        jdbc.update("INSERT INTO cloture_paquet_essms (mois, fenetre_mois, revision, sha256, finess) "
                + "SELECT DISTINCT ?, ?, ?, pe.sha256, pe.finess " + fed, key[0], key[1], revision, end, start);
        jdbc.update("INSERT INTO cloture_paquet (mois, fenetre_mois, revision, sha256, nom, editeur, "
                + "date_extraction, recu_le) SELECT ?, ?, ?, p.sha256, p.nom, p.editeur, p.date_extraction, "
                + "p.ingere_le FROM paquet p WHERE p.sha256 IN (SELECT pe.sha256 " + fed + ")",
                key[0], key[1], revision, end, start);
    }

    /** Stores the closing itself, last: a revision exists once this row is committed. */
    public void insert(Closing c) {
        jdbc.update("INSERT INTO cloture (mois, fenetre_mois, revision, cloture_par, cloture_le, commentaire, "
                        + "version_regles, empreinte_regles, malgre_manquants, sans_donnees, en_retard, essms, lignes, "
                        + "fichier, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.window().month().toString(), c.window().months(), c.revision(), c.closedBy(),
                Timestamp.valueOf(c.closedAt()), c.comment(), c.rulesVersion(), c.rulesFingerprint(),
                c.despiteMissing(), list(c.noData()), list(c.late()), c.essms(), c.rows(), c.file(), c.sha256());
    }

    private static Closing closing(ResultSet rs) throws SQLException {
        return new Closing(new MeasureWindow(YearMonth.parse(rs.getString("mois")), rs.getInt("fenetre_mois")),
                rs.getInt("revision"), rs.getString("cloture_par"),
                rs.getTimestamp("cloture_le").toLocalDateTime(), rs.getString("commentaire"),
                rs.getString("version_regles"), rs.getString("empreinte_regles"), rs.getBoolean("malgre_manquants"),
                split(rs.getString("sans_donnees")), split(rs.getString("en_retard")), rs.getInt("essms"),
                rs.getInt("lignes"), rs.getString("fichier"), rs.getString("sha256"));
    }

    /** FINESS space-separated; an empty list is stored empty (null), and the longest lists cut with "…". */
    private static String list(List<String> finess) {
        if (finess.isEmpty()) {
            return null;
        }
        String text = String.join(" ", finess);
        return text.length() <= 4000 ? text : text.substring(0, 3990) + " …";
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(" "));
    }

    static Object[] args(MeasureWindow window, Object... more) {
        Object[] args = new Object[2 + more.length];
        args[0] = window.month().toString();
        args[1] = window.months();
        System.arraycopy(more, 0, args, 2, more.length);
        return args;
    }

    /**
     * The rules versions a revision's rows were computed with, and their fingerprints, in version order: the
     * codes and fingerprints each joined by a space (a region measures 2022 and 2025 projects side by side).
     */
    public String[] rulesOf(MeasureWindow window, int revision) {
        Object[] key = args(window, revision);
        List<String[]> rows = jdbc.query("SELECT DISTINCT version_regles, empreinte_regles FROM cloture_resultat "
                + "WHERE mois = ? AND fenetre_mois = ? AND revision = ? ORDER BY version_regles, empreinte_regles",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2) == null ? "-" : rs.getString(2)}, key);
        return new String[]{String.join(" ", rows.stream().map(r -> r[0]).toList()),
                String.join(" ", rows.stream().map(r -> r[1]).toList())};
    }
}
