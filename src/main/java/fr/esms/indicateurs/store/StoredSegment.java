package fr.esms.indicateurs.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A stored segment: the rows package {@code sha256} gave for ESSMS {@code finess} (a package too large for memory
 * gives several parts, numbered in file order), with the package's place among exports: {@code order} (date
 * d'extraction|nom du paquet) then {@code rank}, the order in which packages were ingested. {@code latestDate}:
 * for dated rows, a date no earlier than any of them (null otherwise).
 */
record StoredSegment(String finess, String sha256, int part, String order, long rank, SegmentContent content,
                     LocalDate latestDate, byte[] data) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "finess, sha256, partie, ordre, rang, contenu, date_max, donnees";
    /** The columns {@link #readPlace} expects: all but the data. */
    static final String PLACE_COLUMNS = "finess, sha256, partie, ordre, rang, contenu, date_max";

    /** The place of a segment's package among exports (a package's parts share it). */
    static final Comparator<StoredSegment> PACKAGE_ORDER = Comparator.comparing(StoredSegment::order)
            .thenComparingLong(StoredSegment::rank);

    /** The order in which segments are combined: the latest export last, so that it wins. */
    static final Comparator<StoredSegment> EXPORT_ORDER = PACKAGE_ORDER.thenComparing(StoredSegment::sha256)
            .thenComparingInt(StoredSegment::part);

    /** The segment of the current row of a query selecting {@link #COLUMNS}. */
    static StoredSegment read(ResultSet rs) throws SQLException {
        Date latest = rs.getDate(7);
        return new StoredSegment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                SegmentContent.of(rs.getString(6)), latest == null ? null : latest.toLocalDate(), rs.getBytes(8));
    }

    /** The segment of the current row of a query selecting {@link #PLACE_COLUMNS}, without its data. */
    static StoredSegment readPlace(ResultSet rs) throws SQLException {
        Date latest = rs.getDate(7);
        return new StoredSegment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                SegmentContent.of(rs.getString(6)), latest == null ? null : latest.toLocalDate(), null);
    }

    StoredSegment withData(byte[] bytes) {
        return new StoredSegment(finess, sha256, part, order, rank, content, latestDate, bytes);
    }

    /** The values of {@link #COLUMNS} for an insert. */
    Object[] values() {
        return new Object[]{finess, sha256, part, order, rank, content.code,
                latestDate == null ? null : Date.valueOf(latestDate), data};
    }
}
