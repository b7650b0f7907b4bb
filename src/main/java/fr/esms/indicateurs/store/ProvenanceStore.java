package fr.esms.indicateurs.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which ingested packages fed which ESSMS: the provenance of figures computed from the store. */
public class ProvenanceStore {

    /** An ingested package and the ESSMS of the asked project it fed, in FINESS order. */
    public record FedPackage(String sha256, String name, String editor, String software, String softwareVersion,
                             String finessEj, LocalDate extractionDate, LocalDate periodStart, LocalDate periodEnd,
                             LocalDateTime ingestedAt, List<String> finessFed) {

        public FedPackage {
            finessFed = List.copyOf(finessFed);
        }
    }

    private final JdbcTemplate jdbc;

    public ProvenanceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every package ingested (not rejected) that fed at least one ESSMS of the project in the current referential,
     * whatever its period: stored rows combine all exports (the latest wins by key), so any of them may carry a
     * figure. Ordered as exports combine: by date of extraction, then package name.
     */
    public List<FedPackage> packagesFeedingProject(String projectId) {
        Map<String, FedPackage> bySha = new LinkedHashMap<>();
        Map<String, List<String>> finessBySha = new LinkedHashMap<>();
        jdbc.query("SELECT p.sha256, p.nom, p.editeur, p.logiciel, p.version_logiciel, p.finess_ej, "
                + "p.date_extraction, p.periode_debut, p.periode_fin, p.ingere_le, pe.finess FROM paquet p "
                + "JOIN paquet_essms pe ON pe.sha256 = p.sha256 JOIN ref_essms e ON e.finess = pe.finess "
                + "WHERE e.projet_id = ? AND p.statut = 'INGERE' "
                + "ORDER BY p.date_extraction, p.nom, p.sha256, pe.finess", rs -> {
            String sha = rs.getString(1);
            finessBySha.computeIfAbsent(sha, s -> new ArrayList<>()).add(rs.getString(11));
            if (!bySha.containsKey(sha)) {
                bySha.put(sha, new FedPackage(sha, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), local(rs.getDate(7)), local(rs.getDate(8)),
                        local(rs.getDate(9)), local(rs.getTimestamp(10)), List.of()));
            }
        }, projectId);
        List<FedPackage> packages = new ArrayList<>();
        bySha.forEach((sha, p) -> packages.add(new FedPackage(p.sha256(), p.name(), p.editor(), p.software(),
                p.softwareVersion(), p.finessEj(), p.extractionDate(), p.periodStart(), p.periodEnd(),
                p.ingestedAt(), finessBySha.get(sha))));
        return packages;
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDateTime local(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
