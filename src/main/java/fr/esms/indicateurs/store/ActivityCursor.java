package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.Dated;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import fr.esms.indicateurs.rules.MeasureWindow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the stored activity of every ESSMS for one window, one ESSMS at a time: one cursor per table, all
 * ordered by FINESS, advanced together (a merge join), so memory holds one ESSMS, never the region. The SQL only
 * narrows rows by date to a superset of what the window needs; the rules decide what counts.
 */
public final class ActivityCursor implements AutoCloseable {

    private final Connection connection;
    private final List<TableCursor<?>> cursors = new ArrayList<>();
    private final TableCursor<Stay> stays;
    private final TableCursor<DuiRecord> records;
    private final TableCursor<RecordUpdate> updates;
    private final TableCursor<PersonalisedProject> projects;
    private final TableCursor<AgendaEvent> events;
    private final TableCursor<MssMessage> messages;
    private final TableCursor<DmpDocument> documents;
    private final TableCursor<Dated> prescriptions;
    private final TableCursor<Dated> parcours;
    private String previousFiness;

    public ActivityCursor(DataSource dataSource, MeasureWindow window) {
        Date start = Date.valueOf(window.start());
        Date end = Date.valueOf(window.end());
        int firstMonth = window.firstMonth().getYear() * 100 + window.firstMonth().getMonthValue();
        int lastMonth = window.month().getYear() * 100 + window.month().getMonthValue();
        try {
            connection = dataSource.getConnection();
            // PostgreSQL streams with a fetch size only outside auto-commit.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            stays = open("SELECT finess, usager_id, date_entree, date_sortie, motifs FROM sejour "
                    + "WHERE date_entree <= ? AND (date_sortie IS NULL OR date_sortie >= ?) ORDER BY finess",
                    rs -> new Stay(rs.getString(2), localDate(rs, 3), localDate(rs, 4), codes(rs.getString(5))),
                    end, start);
            records = open("SELECT finess, dossier_id, usager_id FROM dossier ORDER BY finess",
                    rs -> new DuiRecord(rs.getString(2), rs.getString(3)));
            updates = open("SELECT finess, dossier_id, mois FROM dossier_maj WHERE mois BETWEEN ? AND ? "
                    + "ORDER BY finess", rs -> new RecordUpdate(rs.getString(2), yearMonth(rs.getInt(3))),
                    firstMonth, lastMonth);
            projects = open("SELECT finess, pp_id, dossier_id, statut, date_debut, date_fin FROM projet_personnalise "
                            + "WHERE (date_debut IS NULL OR date_debut <= ?) AND (date_fin IS NULL OR date_fin >= ?) "
                            + "ORDER BY finess",
                    rs -> new PersonalisedProject(rs.getString(2), rs.getString(3),
                            ProjectStatus.valueOf(rs.getString(4)), localDate(rs, 5), localDate(rs, 6)), end, start);
            events = open("SELECT finess, evenement_id, dossier_id, date_evenement, statut FROM agenda "
                            + "WHERE date_evenement BETWEEN ? AND ? ORDER BY finess",
                    rs -> new AgendaEvent(rs.getString(2), rs.getString(3), localDate(rs, 4),
                            EventStatus.valueOf(rs.getString(5))), start, end);
            messages = open("SELECT finess, message_id, date_envoi FROM mss WHERE date_envoi BETWEEN ? AND ? "
                    + "ORDER BY finess", rs -> new MssMessage(rs.getString(2), localDate(rs, 3)), start, end);
            documents = open("SELECT finess, document_id, dossier_id, date_depot, statut FROM dmp "
                            + "WHERE date_depot BETWEEN ? AND ? ORDER BY finess",
                    rs -> new DmpDocument(rs.getString(2), rs.getString(3), localDate(rs, 4),
                            DmpStatus.valueOf(rs.getString(5))), start, end);
            prescriptions = open("SELECT finess, id, date_evt FROM compteur WHERE indicateur = 'EPRESCRIPTION' "
                    + "AND date_evt BETWEEN ? AND ? ORDER BY finess", rs -> new Dated(rs.getString(2), localDate(rs, 3)),
                    start, end);
            parcours = open("SELECT finess, id, date_evt FROM compteur WHERE indicateur = 'EPARCOURS' "
                    + "AND date_evt BETWEEN ? AND ? ORDER BY finess", rs -> new Dated(rs.getString(2), localDate(rs, 3)),
                    start, end);
        } catch (SQLException e) {
            close();
            throw new StoreException("lecture des données de la fenêtre impossible", e);
        }
    }

    /**
     * The activity of {@code finess}. Calls must come in ascending FINESS order; rows of FINESS skipped over
     * (ESSMS no longer in the referential) are passed by.
     */
    public EssmsActivity next(String finess) {
        if (previousFiness != null && previousFiness.compareTo(finess) >= 0) {
            throw new IllegalArgumentException("FINESS demandés hors ordre : " + previousFiness + " puis " + finess);
        }
        previousFiness = finess;
        try {
            return new EssmsActivity(stays.take(finess), records.take(finess), updates.take(finess),
                    projects.take(finess), events.take(finess), messages.take(finess), documents.take(finess),
                    prescriptions.take(finess), parcours.take(finess));
        } catch (SQLException e) {
            throw new StoreException("lecture des données de l'ESSMS " + finess + " impossible", e);
        }
    }

    @Override
    public void close() {
        for (TableCursor<?> cursor : cursors) {
            cursor.close();
        }
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // nothing was written; closing is best effort
            }
        }
    }

    private <T> TableCursor<T> open(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(5_000);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        TableCursor<T> cursor = new TableCursor<>(statement, statement.executeQuery(), mapper);
        cursors.add(cursor);
        return cursor;
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static YearMonth yearMonth(int yyyymm) {
        return YearMonth.of(yyyymm / 100, yyyymm % 100);
    }

    private static List<String> codes(String motifs) {
        return motifs == null ? List.of() : Arrays.stream(motifs.split("\\|")).filter(s -> !s.isBlank()).toList();
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** One result set ordered by FINESS (its first column), read group by group. */
    private static final class TableCursor<T> {
        private final PreparedStatement statement;
        private final ResultSet rs;
        private final RowMapper<T> mapper;
        private String current;
        private String last;

        TableCursor(PreparedStatement statement, ResultSet rs, RowMapper<T> mapper) throws SQLException {
            this.statement = statement;
            this.rs = rs;
            this.mapper = mapper;
            advance();
        }

        List<T> take(String finess) throws SQLException {
            while (current != null && current.compareTo(finess) < 0) {
                advance();
            }
            List<T> rows = new ArrayList<>();
            while (current != null && current.equals(finess)) {
                rows.add(mapper.map(rs));
                advance();
            }
            return rows;
        }

        private void advance() throws SQLException {
            current = rs.next() ? rs.getString(1) : null;
            // The merge join is only right if the database sorts FINESS as Java does: never assume it silently.
            if (current != null && last != null && current.compareTo(last) < 0) {
                throw new StoreException("ordre de tri des FINESS de la base différent de celui attendu ("
                        + last + " puis " + current + ")", null);
            }
            if (current != null) {
                last = current;
            }
        }

        void close() {
            try {
                rs.close();
                statement.close();
            } catch (SQLException ignored) {
                // best effort
            }
        }
    }
}
