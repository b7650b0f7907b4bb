package fr.esms.indicateurs.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data minimisation: deletes person-level rows that no window ending after the cut-off month can need, and keeps
 * the monthly figures ({@code resultat}) and the packages' proof (names, SHA-256, counts).
 */
public class RetentionPurge {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public RetentionPurge(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Deletes what lies entirely before {@code firstKeptMonth}.
     *
     * @return rows deleted per table
     */
    public Map<String, Integer> purgeBefore(YearMonth firstKeptMonth) {
        Date cutoff = Date.valueOf(firstKeptMonth.atDay(1));
        int month = firstKeptMonth.getYear() * 100 + firstKeptMonth.getMonthValue();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        tx.executeWithoutResult(s -> {
            deleted.put("sejour", jdbc.update("DELETE FROM sejour WHERE date_sortie < ?", cutoff));
            deleted.put("dossier_maj", jdbc.update("DELETE FROM dossier_maj WHERE mois < ?", month));
            deleted.put("projet_personnalise", jdbc.update("DELETE FROM projet_personnalise WHERE date_fin < ?", cutoff));
            deleted.put("agenda", jdbc.update("DELETE FROM agenda WHERE date_evenement < ?", cutoff));
            deleted.put("mss", jdbc.update("DELETE FROM mss WHERE date_envoi < ?", cutoff));
            deleted.put("dmp", jdbc.update("DELETE FROM dmp WHERE date_depot < ?", cutoff));
            deleted.put("compteur", jdbc.update("DELETE FROM compteur WHERE date_evt < ?", cutoff));
            deleted.put("agregat", jdbc.update("DELETE FROM agregat WHERE periode_fin < ?", cutoff));
            // A record no remaining stay of its person refers to is no longer needed by any window.
            deleted.put("dossier", jdbc.update("DELETE FROM dossier d WHERE NOT EXISTS (SELECT 1 FROM sejour s "
                    + "WHERE s.finess = d.finess AND s.usager_id = d.usager_id)"));
        });
        return deleted;
    }
}
