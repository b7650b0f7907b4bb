package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data minimisation: deletes person-level rows that no window ending after the cut-off month can need, and keeps
 * the monthly figures ({@code resultat}) and the packages' proof (names, SHA-256, counts). The closed revisions
 * ({@code cloture...} tables) are never touched: a closed figure stays retrievable as it was.
 */
public class RetentionPurge {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public RetentionPurge(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Deletes what lies entirely before {@code firstKeptMonth}, judged on the combined rows (the latest version of
     * each key): a stay ended, a projet personnalisé closed, an update month, event, message, document or counted
     * event dated before it, and a record that no remaining stay of its person refers to. Every stored version of
     * such a key goes, and so do the versions a later export replaced, which no window reads.
     *
     * @return combined rows deleted, by the name of the file they came from
     */
    public Map<String, Integer> purgeBefore(YearMonth firstKeptMonth) {
        LocalDate cutoff = firstKeptMonth.atDay(1);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (String table : List.of("sejour", "dossier_maj", "projet_personnalise", "agenda", "mss", "dmp",
                "compteur", "agregat", "dossier")) {
            deleted.put(table, 0);
        }
        tx.executeWithoutResult(s -> {
            for (String finess : jdbc.queryForList("SELECT DISTINCT finess FROM segment ORDER BY finess",
                    String.class)) {
                purge(finess, cutoff, deleted);
            }
            deleted.put("agregat", jdbc.update("DELETE FROM agregat WHERE periode_fin < ?", Date.valueOf(cutoff)));
        });
        return deleted;
    }

    /** Rewrites the segments of one ESSMS without the rows purged or replaced. */
    private void purge(String finess, LocalDate cutoff, Map<String, Integer> deleted) {
        List<StoredSegment> segments = jdbc.query("SELECT " + StoredSegment.COLUMNS + " FROM segment WHERE finess = ?",
                (rs, i) -> StoredSegment.read(rs), finess);
        SegmentMerge merge = SegmentMerge.withOrigins(segments);
        Set<String> personsStaying = new HashSet<>();
        for (Object row : merge.rows()) {
            if (row instanceof Stay stay && !before(stay.exit(), cutoff)) {
                personsStaying.add(stay.personId());
            }
        }
        Map<StoredSegment, SegmentCodec.Encoder> kept = new LinkedHashMap<>();
        long keptRows = 0;
        for (Object row : merge.rows()) {
            String purgedFrom = purgedFrom(row, cutoff, personsStaying);
            if (purgedFrom != null) {
                deleted.merge(purgedFrom, 1, Integer::sum);
            } else {
                kept.computeIfAbsent(merge.origin(row), o -> new SegmentCodec.Encoder()).row(row);
                keptRows++;
            }
        }
        if (merge.rowsRead() == keptRows) {
            return;
        }
        jdbc.update("DELETE FROM segment WHERE finess = ?", finess);
        List<Object[]> rewritten = new ArrayList<>();
        kept.forEach((origin, rows) -> rewritten.add(new StoredSegment(origin.finess(), origin.sha256(),
                origin.part(), origin.order(), origin.rank(), origin.content(),
                origin.content() == SegmentContent.PHOTOS ? null : rows.latestDate(), rows.toByteArray()).values()));
        jdbc.batchUpdate("INSERT INTO segment (" + StoredSegment.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rewritten);
    }

    /** The former table of a combined row to purge, or null to keep it. */
    private static String purgedFrom(Object row, LocalDate cutoff, Set<String> personsStaying) {
        if (row instanceof Stay s) {
            return before(s.exit(), cutoff) ? "sejour" : null;
        } else if (row instanceof RecordUpdate u) {
            return u.month().isBefore(YearMonth.from(cutoff)) ? "dossier_maj" : null;
        } else if (row instanceof PersonalisedProject p) {
            return before(p.end(), cutoff) ? "projet_personnalise" : null;
        } else if (row instanceof AgendaEvent e) {
            return before(e.date(), cutoff) ? "agenda" : null;
        } else if (row instanceof MssMessage m) {
            return before(m.sent(), cutoff) ? "mss" : null;
        } else if (row instanceof DmpDocument d) {
            return before(d.deposited(), cutoff) ? "dmp" : null;
        } else if (row instanceof CountedEvent c) {
            return before(c.date(), cutoff) ? "compteur" : null;
        } else if (row instanceof StoredRecord r) {
            return personsStaying.contains(r.personId()) ? null : "dossier";
        }
        throw new IllegalArgumentException("ligne de segment inconnue : " + row);
    }

    /** Null (an open period) is never before. */
    private static boolean before(LocalDate date, LocalDate cutoff) {
        return date != null && date.isBefore(cutoff);
    }
}
