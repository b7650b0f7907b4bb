package fr.esms.indicateurs.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads segments by key for {@link ActivityCursor}: on H2, the data of the segments a window needs, once their
 * places came from the index alone (H2 reads a whole row, data included, to give any of its columns); on both
 * databases, the archives of an ESSMS when the window needs them after all.
 */
final class SegmentLookups implements AutoCloseable {

    private final Connection connection;
    /** The connection is the cursor's own (PostgreSQL), not one of this object's. */
    private final boolean borrowed;
    private final PreparedStatement data;
    private final PreparedStatement archives;
    private final PreparedStatement everySegment;

    /** On a connection of its own, beside the cursor's, whose query stays open while this one reads. */
    static SegmentLookups own(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return new SegmentLookups(connection, false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** On the cursor's connection: PostgreSQL allows another query while the window's is open. */
    static SegmentLookups borrowing(Connection connection) throws SQLException {
        return new SegmentLookups(connection, true);
    }

    private SegmentLookups(Connection connection, boolean borrowed) throws SQLException {
        this.connection = connection;
        this.borrowed = borrowed;
        this.data = connection.prepareStatement("SELECT donnees FROM segment WHERE finess = ? AND sha256 = ? "
                + "AND partie = ?");
        this.archives = connection.prepareStatement("SELECT " + StoredSegment.COLUMNS + " FROM segment "
                + "WHERE finess = ? AND contenu = 'A'");
        this.everySegment = connection.prepareStatement("SELECT " + StoredSegment.COLUMNS + " FROM segment "
                + "WHERE finess = ?");
    }

    /**
     * {@code needed} (segments without data, among the {@code of} segments of their ESSMS) with their data: in one
     * query when every segment is needed (a base without old months: nothing to pass over), else one by key.
     */
    List<StoredSegment> withData(List<StoredSegment> needed, int of) {
        if (!needed.isEmpty() && needed.size() == of) {
            String finess = needed.get(0).finess();
            List<StoredSegment> all = query(everySegment, finess, "données");
            if (keys(all).equals(keys(needed))) {
                return all;
            }
            // Changed between the two reads (another process): by key, which says what is missing.
        }
        return withData(needed);
    }

    /** Which stored rows these are: package and part (the FINESS is the same for all). */
    private static java.util.Set<String> keys(List<StoredSegment> segments) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        segments.forEach(s -> keys.add(s.sha256() + "#" + s.part()));
        return keys;
    }

    /** {@code places} (segments without data) with their data. */
    private List<StoredSegment> withData(List<StoredSegment> places) {
        List<StoredSegment> segments = new ArrayList<>(places.size());
        try {
            for (StoredSegment place : places) {
                data.setString(1, place.finess());
                data.setString(2, place.sha256());
                data.setInt(3, place.part());
                try (ResultSet rs = data.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("segment " + place.part() + " du paquet " + place.sha256()
                                + " de l'ESSMS " + place.finess() + " disparu pendant la lecture : la base a été "
                                + "modifiée par un autre traitement ; relancer le calcul", null);
                    }
                    segments.add(place.withData(rs.getBytes(1)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("lecture des données de l'ESSMS " + places.get(0).finess() + " impossible", e);
        }
        return segments;
    }

    /** Every archive of {@code finess}, data included. */
    List<StoredSegment> archives(String finess) {
        return query(archives, finess, "archives");
    }

    private static List<StoredSegment> query(PreparedStatement statement, String finess, String what) {
        try {
            statement.setString(1, finess);
            List<StoredSegment> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(StoredSegment.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("lecture des " + what + " de l'ESSMS " + finess + " impossible", e);
        }
    }

    @Override
    public void close() {
        try {
            data.close();
            archives.close();
            everySegment.close();
            if (!borrowed) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException ignored) {
            // nothing was written; closing is best effort
        }
    }
}
