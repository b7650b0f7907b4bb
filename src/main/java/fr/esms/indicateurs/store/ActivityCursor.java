package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.MeasureWindow;

import org.postgresql.PGStatement;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams the stored activity of every ESSMS for one window, one ESSMS at a time: the segments ordered by FINESS,
 * each ESSMS's combined key by key ({@link SegmentMerge}), so memory holds a few ESSMS, never the region. Only rows
 * that may count in the window are given; the rules decide what counts. Segments are read and combined on a
 * thread of their own, a few ESSMS ahead of the caller (on two cores, that halves the computation step).
 */
public final class ActivityCursor implements AutoCloseable {

    /** Segments per round trip: a segment is a few kB to a few MB. */
    private static final int FETCH_SIZE = 64;
    /** ESSMS combined ahead of the caller, at most. */
    private static final int AHEAD = 64;

    /** Every segment, by FINESS: when every row is asked for. */
    static final String ALL_SEGMENTS = "SELECT " + StoredSegment.COLUMNS + " FROM segment ORDER BY finess";

    /**
     * H2: the place of every segment, by FINESS, from the index {@code segment_place} alone (H2 reads a whole row,
     * data included, to give any of its columns); the data of those the window needs is then read by key
     * ({@link SegmentLookups}). On a base of 24 months, 600 segments read of 7,500 (docs/performances.md). The
     * order is the index's own: ordered by FINESS alone, H2 walks the primary key and reads every row.
     */
    static final String SEGMENT_PLACES = "SELECT " + StoredSegment.PLACE_COLUMNS
            + " FROM segment USE INDEX (segment_place) ORDER BY finess, contenu";

    /**
     * The segments of every ESSMS, by FINESS, without those {@link SegmentMerge#forWindow} would pass over for
     * certain: the dated segments ending before the window when every dated segment of the ESSMS that cannot be
     * passed over belongs to an export of a strictly later date_extraction, and the archives whose persons all
     * left before the window when no snapshot segment waits for its compaction. Only the date part of "ordre" is
     * compared in SQL, and only when it has the form of a date, so that the database's collation cannot decide:
     * what is left out is a subset of what the merge passes over, which still decides for the rest.
     *
     * <p>PostgreSQL only: it then does not send the segments left out (their data, stored apart, is not even
     * read). The conditions on the other segments of the ESSMS are computed once per ESSMS ({@code f}), not once
     * per dated segment: on 24 months at 10,000 ESSMS, 0.9 s instead of 2.8 s for the query, the same segments.
     * On H2 this selection, measured, cost more than it saved ({@code docs/performances.md}): H2 reads
     * {@link #SEGMENT_PLACES} instead.
     */
    static final String WINDOW_SEGMENTS = "WITH f AS (SELECT finess, "
            // per ESSMS, once: the earliest dated export among the segments that cannot be passed over, whether
            // one of them has an undated "ordre", whether a snapshot segment waits for its compaction
            + "MIN(CASE WHEN (contenu = 'M' OR (contenu = 'E' AND (date_max IS NULL OR date_max >= ?))) "
            + "AND ordre LIKE '____-__-__|%' THEN SUBSTRING(ordre, 1, 10) END) AS first_needed, "
            + "BOOL_OR((contenu = 'M' OR (contenu = 'E' AND (date_max IS NULL OR date_max >= ?))) "
            + "AND NOT (ordre LIKE '____-__-__|%')) AS undated_needed, "
            + "BOOL_OR(contenu IN ('P', 'M')) AS pending FROM segment GROUP BY finess) "
            + "SELECT " + StoredSegment.COLUMNS.replaceAll("(\\w+)", "s.$1") + " FROM segment s "
            + "JOIN f ON f.finess = s.finess "
            + "WHERE NOT (s.contenu = 'E' AND s.date_max < ? AND s.ordre LIKE '____-__-__|%' AND NOT f.undated_needed "
            + "AND (f.first_needed IS NULL OR f.first_needed > SUBSTRING(s.ordre, 1, 10))) "
            + "AND NOT (s.contenu = 'A' AND s.date_max < ? AND NOT f.pending) "
            + "ORDER BY s.finess";

    private record Combined(String finess, EssmsActivity activity, RuntimeException failure) {
    }

    private static final Combined END = new Combined(null, null, null);

    private final MeasureWindow window;
    /** Also the rows outside the window (the work lists say when a row that does not count is dated). */
    private final boolean everyRow;
    private final Connection connection;
    /** Segments read by key: the data of those the window needs (H2), archives needed after all (both). */
    private SegmentLookups lookups;
    /** The query gives places only ({@link #SEGMENT_PLACES}), their data read by {@link #lookups}. */
    private boolean placesOnly;
    /** The query may leave out archives the merge would pass over (every query but {@link #ALL_SEGMENTS}). */
    private boolean archivesOmitted;
    private boolean lazySet;
    /** The connection's isolation before this cursor set its own (H2), restored when it goes back to the pool. */
    private Integer isolationBefore;
    private PreparedStatement statement;
    private ResultSet rs;
    private final BlockingQueue<Combined> ahead = new ArrayBlockingQueue<>(AHEAD);
    private Thread reader;
    private volatile boolean closed;
    /** The first ESSMS combined and not yet given: a FINESS not yet asked for. */
    private Combined pending;
    private String previousFiness;

    public ActivityCursor(DataSource dataSource, MeasureWindow window) {
        this(dataSource, window, false);
    }

    /**
     * @param everyRow give every row each ESSMS's segments keep (the latest version of each key), not only the
     *                 rows that may count in the window: the rules still count only those
     */
    public ActivityCursor(DataSource dataSource, MeasureWindow window, boolean everyRow) {
        this.window = window;
        this.everyRow = everyRow;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("lecture des données de la fenêtre impossible", e);
        }
        try {
            // PostgreSQL streams with a fetch size only outside auto-commit.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            boolean postgres = DatabaseKind.isPostgres(connection);
            if (postgres) {
                // The planner's cost estimate of the subquery is high enough to start JIT compilation, which
                // took 240 ms of the query's 376 ms on a 24-month base (300 ESSMS): not worth it here.
                try (java.sql.Statement set = connection.createStatement()) {
                    set.execute("SET LOCAL jit = off");
                }
            }
            String query;
            if (everyRow) {
                query = ALL_SEGMENTS;
            } else if (postgres) {
                query = WINDOW_SEGMENTS;
                lookups = SegmentLookups.borrowing(connection);
            } else {
                query = SEGMENT_PLACES;
                lookups = SegmentLookups.own(dataSource);
                placesOnly = true;
            }
            archivesOmitted = !everyRow;
            if (!postgres) {
                // A lazy query outlives its statement, and under READ COMMITTED H2 forgets at the statement's
                // end which version the query reads (h2database#4142): its background compaction may then free
                // a chunk the query still has to read ("Chunk 156 not found", 2,500 ESSMS with 24 months, while
                // the results of the month were written). REPEATABLE READ keeps that version until this
                // read-only transaction ends: the whole read sees the base as it was when the cursor opened.
                isolationBefore = connection.getTransactionIsolation();
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                // H2 otherwise builds the whole result in memory before giving the first row: every segment of
                // the base (270 MB for 1,000 ESSMS with 24 months).
                lazy(true);
                lazySet = true;
            }
            statement = connection.prepareStatement(query, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            if (query.equals(WINDOW_SEGMENTS)) {
                for (int parameter = 1; parameter <= 4; parameter++) { // each is the window's first day
                    statement.setDate(parameter, java.sql.Date.valueOf(window.start()));
                }
            }
            if (statement.isWrapperFor(PGStatement.class)) {
                // Binary transfer from the first execution: otherwise bytea comes as hexadecimal text, twice
                // the bytes, encoded by the server and decoded here.
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            rs = statement.executeQuery();
        } catch (SQLException e) {
            close();
            throw new StoreException("lecture des données de la fenêtre impossible", e);
        }
        reader = new Thread(this::combineAll, "lecture-segments");
        reader.setDaemon(true);
        reader.start();
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
        while (pending == null || (pending != END && pending.finess().compareTo(finess) < 0)) {
            pending = take();
        }
        if (pending != END && pending.finess().equals(finess)) {
            EssmsActivity activity = pending.activity();
            pending = null;
            return activity;
        }
        return EssmsActivity.empty();
    }

    private Combined take() {
        Combined next;
        try {
            next = ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("lecture des données de la fenêtre interrompue", null);
        }
        if (next.failure() != null) {
            throw next.failure();
        }
        return next;
    }

    /** On the reading thread: each ESSMS's segments, combined, in FINESS order. */
    private void combineAll() {
        try {
            List<StoredSegment> segments = new ArrayList<>();
            StoredSegment previous = null;
            while (rs.next()) {
                StoredSegment segment = placesOnly ? StoredSegment.readPlace(rs) : StoredSegment.read(rs);
                if (previous != null && !segment.finess().equals(previous.finess())) {
                    // Grouping is only right if the database sorts FINESS as Java does: never assume it.
                    if (segment.finess().compareTo(previous.finess()) < 0) {
                        throw new StoreException("ordre de tri des FINESS de la base différent de celui attendu ("
                                + previous.finess() + " puis " + segment.finess() + ")", null);
                    }
                    hand(combined(segments));
                    segments.clear();
                }
                segments.add(segment);
                previous = segment;
            }
            if (!segments.isEmpty()) {
                hand(combined(segments));
            }
            hand(END);
        } catch (SQLException e) {
            handFailure(new StoreException("lecture des données de la fenêtre impossible", e));
        } catch (RuntimeException e) {
            handFailure(e);
        } catch (Error e) {
            handFailure(new StoreException("lecture des données de la fenêtre impossible : " + e, e));
            throw e;
        } catch (InterruptedException e) {
            // closed by the caller
        }
    }

    private Combined combined(List<StoredSegment> segments) {
        String finess = segments.get(0).finess();
        EssmsActivity activity;
        if (everyRow) {
            activity = SegmentMerge.of(segments).everyRow();
        } else {
            List<StoredSegment> read = placesOnly
                    ? lookups.withData(WindowSelection.of(segments, window).needed(), segments.size()) : segments;
            activity = SegmentMerge.forWindow(read, window, () -> lookups.archives(finess), archivesOmitted)
                    .activity(window);
        }
        return new Combined(finess, activity, null);
    }

    private void lazy(boolean on) throws SQLException {
        try (java.sql.Statement set = connection.createStatement()) {
            set.execute("SET LAZY_QUERY_EXECUTION " + on);
        }
    }

    private void hand(Combined combined) throws InterruptedException {
        while (!ahead.offer(combined, 100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                throw new InterruptedException();
            }
        }
    }

    private void handFailure(RuntimeException failure) {
        try {
            hand(new Combined(null, null, failure));
        } catch (InterruptedException ignored) {
            // closed by the caller: nobody to tell
        }
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            // Not interrupted: H2 closes a file channel that a thread is interrupted in. The reader sees "closed"
            // within 100 ms, once its current read returns.
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lookups != null) {
            lookups.close();
        }
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
                if (lazySet) {
                    lazy(false); // the connection goes back to the pool
                }
                if (isolationBefore != null) {
                    connection.setTransactionIsolation(isolationBefore);
                }
                connection.close();
            } catch (SQLException ignored) {
                // nothing was written; closing is best effort
            }
        }
    }
}
