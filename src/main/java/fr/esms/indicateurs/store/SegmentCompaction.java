package fr.esms.indicateurs.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Rewrites the snapshot segments of an ESSMS (stays, records, projets personnalisés: every month's export repeats
 * them whole) as one compacted segment holding the winning row of each key, each with the package it came from
 * ({@link SegmentContent#COMPACTES}). The calculation then decodes one snapshot segment per ESSMS whatever the
 * history, and the figures do not change: a package arriving later is still ranked, row by row, against the
 * package each compacted row came from ({@link SegmentMerge}). Dated segments are left as they are: the
 * calculation already passes over the old ones ({@link ActivityCursor}), and they hold the update months each
 * snapshot proved. Each group of ESSMS is rewritten in one transaction: a stop in the middle leaves every ESSMS
 * either as it was or compacted, never in between.
 */
public final class SegmentCompaction {

    /** What a compaction did: ESSMS rewritten, segments replaced and rows dropped (replaced versions). */
    public record Summary(int essms, int segmentsReplaced, long rowsBefore, long rowsAfter, long millis) {
    }

    /** The package name of compacted segments (their key is the ESSMS and this name). */
    static final String COMPACTED_PACKAGE = "compactage";
    /** ESSMS per transaction: few enough to stay small, enough that commits do not dominate. */
    private static final int ESSMS_PER_TRANSACTION = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int essmsPerTransaction;
    /** Told each ESSMS rewritten, inside its transaction (the crash test stops the process there). */
    private final Consumer<String> rewritten;

    public SegmentCompaction(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, ESSMS_PER_TRANSACTION, finess -> {
        });
    }

    SegmentCompaction(JdbcTemplate jdbc, TransactionTemplate tx, int essmsPerTransaction,
                      Consumer<String> rewritten) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.essmsPerTransaction = essmsPerTransaction;
        this.rewritten = rewritten;
    }

    /** Compacts every ESSMS of the base holding more than one snapshot segment. */
    public Summary compactAll() {
        return compact(jdbc.queryForList("SELECT finess FROM segment WHERE contenu IN ('P', 'C') "
                + "GROUP BY finess HAVING COUNT(*) > 1", String.class));
    }

    /**
     * Compacts the ESSMS these packages fed (after their ingestion) that another package fed too: an ESSMS fed by
     * one package has one snapshot segment, and asking for each of them would cost a query per ESSMS (about 10 s
     * for a national first month).
     */
    public Summary compactFedBy(Collection<String> sha256s) {
        TreeSet<String> fed = new TreeSet<>();
        List<String> all = new ArrayList<>(sha256s);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + 500));
            fed.addAll(jdbc.queryForList("SELECT DISTINCT finess FROM paquet_essms WHERE sha256 IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", String.class,
                    batch.toArray()));
        }
        fed.retainAll(jdbc.queryForList("SELECT finess FROM paquet_essms GROUP BY finess HAVING COUNT(*) > 1",
                String.class));
        return compact(fed);
    }

    /** Compacts these ESSMS, {@link #ESSMS_PER_TRANSACTION} per transaction, in FINESS order. */
    public Summary compact(Collection<String> finesses) {
        long start = System.nanoTime();
        List<String> ordered = new ArrayList<>(new TreeSet<>(finesses));
        long[] counts = new long[4];
        for (int from = 0; from < ordered.size(); from += essmsPerTransaction) {
            List<String> group = ordered.subList(from, Math.min(ordered.size(), from + essmsPerTransaction));
            tx.executeWithoutResult(status -> group.forEach(finess -> compactOne(finess, counts)));
        }
        return new Summary((int) counts[0], (int) counts[1], counts[2], counts[3],
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Within a transaction. {@code counts}: ESSMS, segments replaced, rows before, rows after. */
    private void compactOne(String finess, long[] counts) {
        List<StoredSegment> snapshots = jdbc.query("SELECT " + StoredSegment.COLUMNS + " FROM segment "
                + "WHERE finess = ? AND contenu IN ('P', 'C')", (rs, i) -> StoredSegment.read(rs), finess);
        if (snapshots.size() < 2) {
            return;
        }
        SegmentMerge merge = SegmentMerge.withOrigins(snapshots);
        StoredSegment compacted = compacted(finess, merge);
        jdbc.batchUpdate("DELETE FROM segment WHERE finess = ? AND sha256 = ? AND partie = ?",
                snapshots.stream().map(s -> new Object[]{s.finess(), s.sha256(), s.part()}).toList());
        if (compacted != null) {
            jdbc.update("INSERT INTO segment (" + StoredSegment.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    compacted.values());
        }
        rewritten.accept(finess);
        counts[0]++;
        counts[1] += snapshots.size();
        counts[2] += merge.rowsRead();
        counts[3] += merge.rows().size();
    }

    /**
     * The compacted segment of {@code finess} holding the kept rows of {@code merge} ({@link SegmentMerge#withOrigins}
     * of its snapshot segments), each with its package; placed among exports as the latest of them. Null when
     * no row is kept.
     */
    static StoredSegment compacted(String finess, SegmentMerge merge) {
        // The packages the kept rows come from, in export order: the table at the head of the segment.
        Map<StoredSegment, Integer> indexes = new IdentityHashMap<>();
        List<StoredSegment> origins = new ArrayList<>();
        for (Object row : merge.rows()) {
            StoredSegment origin = merge.origin(row);
            if (indexes.putIfAbsent(origin, -1) == null) {
                origins.add(origin);
            }
        }
        if (origins.isEmpty()) {
            return null;
        }
        origins.sort(StoredSegment.EXPORT_ORDER);
        for (int i = 0; i < origins.size(); i++) {
            indexes.put(origins.get(i), i);
        }
        SegmentCodec.Encoder encoder = SegmentCodec.Encoder.compacted(origins);
        for (Object row : merge.rows()) {
            encoder.origin(indexes.get(merge.origin(row)));
            encoder.row(row);
        }
        StoredSegment newest = origins.get(origins.size() - 1);
        return new StoredSegment(finess, COMPACTED_PACKAGE, 0, newest.order(), newest.rank(),
                SegmentContent.COMPACTES, null, encoder.toByteArray());
    }
}
