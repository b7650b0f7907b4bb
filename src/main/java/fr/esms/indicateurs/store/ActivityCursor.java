package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.MeasureWindow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the stored activity of every ESSMS for one window, one ESSMS at a time: the segments ordered by FINESS,
 * each ESSMS's combined key by key ({@link SegmentMerge}), so memory holds one ESSMS, never the region. Only rows
 * that may count in the window are given; the rules decide what counts.
 */
public final class ActivityCursor implements AutoCloseable {

    /** Segments per round trip: a segment is a few kB to a few MB. */
    private static final int FETCH_SIZE = 64;

    private final MeasureWindow window;
    private final Connection connection;
    private PreparedStatement statement;
    private ResultSet rs;
    /** The first segment not yet given: it belongs to a FINESS not yet asked for. */
    private StoredSegment pending;
    private String previousFiness;

    public ActivityCursor(DataSource dataSource, MeasureWindow window) {
        this.window = window;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("lecture des données de la fenêtre impossible", e);
        }
        try {
            // PostgreSQL streams with a fetch size only outside auto-commit.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement = connection.prepareStatement("SELECT finess, sha256, partie, ordre, rang, donnees FROM segment "
                    + "ORDER BY finess", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            rs = statement.executeQuery();
            pending = nextSegment(null);
        } catch (SQLException e) {
            close();
            throw new StoreException("lecture des données de la fenêtre impossible", e);
        }
    }

    /**
     * The activity of {@code finess}. Calls must come in ascending FINESS order; segments of FINESS skipped over
     * (ESSMS no longer in the referential) are passed by.
     */
    public EssmsActivity next(String finess) {
        if (previousFiness != null && previousFiness.compareTo(finess) >= 0) {
            throw new IllegalArgumentException("FINESS demandés hors ordre : " + previousFiness + " puis " + finess);
        }
        previousFiness = finess;
        try {
            while (pending != null && pending.finess().compareTo(finess) < 0) {
                pending = nextSegment(pending);
            }
            List<StoredSegment> segments = new ArrayList<>();
            while (pending != null && pending.finess().equals(finess)) {
                segments.add(pending);
                pending = nextSegment(pending);
            }
            return segments.isEmpty() ? EssmsActivity.empty() : SegmentMerge.of(segments).activity(window);
        } catch (SQLException e) {
            throw new StoreException("lecture des données de l'ESSMS " + finess + " impossible", e);
        }
    }

    private StoredSegment nextSegment(StoredSegment previous) throws SQLException {
        if (!rs.next()) {
            return null;
        }
        StoredSegment segment = new StoredSegment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getLong(5), rs.getBytes(6));
        // Skipping and grouping are only right if the database sorts FINESS as Java does: never assume it.
        if (previous != null && segment.finess().compareTo(previous.finess()) < 0) {
            throw new StoreException("ordre de tri des FINESS de la base différent de celui attendu ("
                    + previous.finess() + " puis " + segment.finess() + ")", null);
        }
        return segment;
    }

    @Override
    public void close() {
        try {
            if (rs != null) {
                rs.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // best effort
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
}
