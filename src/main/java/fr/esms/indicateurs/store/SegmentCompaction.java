package fr.esms.indicateurs.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Rewrites the snapshot segments of an ESSMS (stays, records, projets personnalisés: every month's export repeats
 * them whole) as one compacted segment holding the winning row of each key, each with the package it came from
 * ({@link SegmentContent#COMPACTES}). The calculation then decodes one snapshot segment per ESSMS whatever the
 * history, and the figures do not change: a package arriving later is still ranked, row by row, against the
 * package each compacted row came from ({@link SegmentMerge}). The rows of persons whose every stay has ended go
 * to archives beside it ({@link CompactionSplit}), which the windows after their exits do not read. Dated
 * segments are left as they are: the calculation already passes over the old ones ({@link ActivityCursor}), and
 * they hold the update months each snapshot proved. Each group of ESSMS is rewritten in one transaction: a stop
 * in the middle leaves every ESSMS either as it was or compacted, never in between.
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
    private final int parallelGroups;
    /** Told each ESSMS rewritten, after its group's writes, before the commit (the crash test stops there). */
    private final Consumer<String> rewritten;
    private final boolean postgres;

    public SegmentCompaction(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, ESSMS_PER_TRANSACTION, Math.max(1, Runtime.getRuntime().availableProcessors()), finess -> {
        });
    }

    /** @param parallelGroups groups compacted at a time (the crash test wants one: a known order of commits) */
    SegmentCompaction(JdbcTemplate jdbc, TransactionTemplate tx, int essmsPerTransaction, int parallelGroups,
                      Consumer<String> rewritten) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.essmsPerTransaction = essmsPerTransaction;
        this.parallelGroups = parallelGroups;
        this.rewritten = rewritten;
        this.postgres = DatabaseKind.isPostgres(jdbc);
    }

    /** Compacts every ESSMS of the base with a snapshot segment not compacted yet. */
    public Summary compactAll() {
        return compact(jdbc.queryForList("SELECT finess FROM segment WHERE contenu IN ('P', 'C', 'A') "
                + "GROUP BY finess HAVING COUNT(*) > 1 AND (SUM(CASE WHEN contenu = 'P' THEN 1 ELSE 0 END) > 0 "
                + "OR SUM(CASE WHEN contenu = 'C' THEN 1 ELSE 0 END) > 1)", String.class));
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
        // A set: retainAll asks the argument whether it holds each element (a list: 8 s at 36,000 ESSMS).
        fed.retainAll(new HashSet<>(jdbc.queryForList(
                "SELECT finess FROM paquet_essms GROUP BY finess HAVING COUNT(*) > 1", String.class)));
        return compact(fed);
    }

    /** Compacts these ESSMS, {@link #ESSMS_PER_TRANSACTION} per transaction, in FINESS order. */
    public Summary compact(Collection<String> finesses) {
        long start = System.nanoTime();
        List<String> ordered = new ArrayList<>(new TreeSet<>(finesses));
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < ordered.size(); from += essmsPerTransaction) {
            groups.add(ordered.subList(from, Math.min(ordered.size(), from + essmsPerTransaction)));
        }
        long[] counts = new long[4];
        // Groups touch different ESSMS: on two cores, two at a time (each still one transaction).
        int threads = Math.min(parallelGroups, groups.size());
        if (threads <= 1) {
            groups.forEach(group -> compactGroup(group, counts));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "compactage"));
            try {
                List<Future<long[]>> done = new ArrayList<>();
                for (List<String> group : groups) {
                    done.add(pool.submit(() -> compactGroup(group, new long[4])));
                }
                for (Future<long[]> future : done) {
                    long[] c = future.get();
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] += c[i];
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("compactage interrompu", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new StoreException("compactage impossible", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new Summary((int) counts[0], (int) counts[1], counts[2], counts[3],
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * One transaction: the group's snapshot segments read in one query, each ESSMS rewritten in memory, then one
     * batch of deletes and one of inserts (a statement per ESSMS cost more than the rewriting itself).
     */
    private long[] compactGroup(List<String> group, long[] counts) {
        tx.executeWithoutResult(status -> {
            if (postgres) {
                // Right after a national ingestion, even analysed, the planner reads the whole segment table for
                // each group (parallel sequential scan, 72 ms against 0.75 ms by the primary key; 30 s of the
                // national compaction's 35 s). Every statement here goes by key: the index, always.
                jdbc.execute("SET LOCAL enable_seqscan = off");
            }
            Map<String, List<StoredSegment>> byFiness = new HashMap<>();
            jdbc.query("SELECT " + StoredSegment.COLUMNS + " FROM segment WHERE finess IN ("
                    + String.join(", ", Collections.nCopies(group.size(), "?")) + ") AND contenu IN ('P', 'C', 'A')",
                    rs -> {
                        StoredSegment segment = StoredSegment.read(rs);
                        byFiness.computeIfAbsent(segment.finess(), f -> new ArrayList<>()).add(segment);
                    }, group.toArray());
            List<Object[]> deletes = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            List<String> done = new ArrayList<>();
            for (String finess : group) {
                if (rewrite(finess, byFiness.getOrDefault(finess, List.of()), deletes, inserts, counts)) {
                    done.add(finess);
                }
            }
            jdbc.batchUpdate("DELETE FROM segment WHERE finess = ? AND sha256 = ? AND partie = ?", deletes);
            jdbc.batchUpdate("INSERT INTO segment (" + StoredSegment.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
            done.forEach(rewritten);
        });
        return counts;
    }

    /**
     * The deletes and inserts that compact {@code snapshots}, the snapshot segments of {@code finess}; false when
     * there is nothing to do. {@code counts}: ESSMS, segments replaced, rows before, rows after.
     */
    private static boolean rewrite(String finess, List<StoredSegment> snapshots, List<Object[]> deletes,
                                   List<Object[]> inserts, long[] counts) {
        long loose = snapshots.stream().filter(s -> s.content() == SegmentContent.PHOTOS).count();
        long compactedBefore = snapshots.stream().filter(s -> s.content() == SegmentContent.COMPACTES).count();
        if (snapshots.size() < 2 || (loose == 0 && compactedBefore < 2)) {
            return false;
        }
        SegmentMerge merge = SegmentMerge.withOrigins(snapshots);
        List<StoredSegment> compacted = CompactionSplit.segments(finess, merge);
        // An archive that comes out as it went in (no new export touched its persons) stays as it is.
        List<StoredSegment> unchanged = compacted.stream().filter(c -> c.content() == SegmentContent.ARCHIVES
                && snapshots.stream().anyMatch(s -> sameSegment(s, c))).toList();
        snapshots.stream().filter(s -> unchanged.stream().noneMatch(u -> sameSegment(s, u)))
                .forEach(s -> deletes.add(new Object[]{s.finess(), s.sha256(), s.part()}));
        compacted.stream().filter(c -> !unchanged.contains(c)).forEach(c -> inserts.add(c.values()));
        counts[0]++;
        counts[1] += snapshots.size() - unchanged.size();
        counts[2] += merge.rowsRead();
        counts[3] += merge.rows().size();
        return true;
    }

    /** The same stored row: key, place among exports, content, date and data. */
    private static boolean sameSegment(StoredSegment a, StoredSegment b) {
        return a.sha256().equals(b.sha256()) && a.part() == b.part() && a.order().equals(b.order())
                && a.rank() == b.rank() && a.content() == b.content()
                && java.util.Objects.equals(a.latestDate(), b.latestDate()) && java.util.Arrays.equals(a.data(), b.data());
    }

    /**
     * The compacted segment of {@code finess} holding the kept rows of {@code merge} ({@link SegmentMerge#withOrigins}
     * of its snapshot segments), each with its package; placed among exports as the latest of them. Null when
     * no row is kept.
     */
    static StoredSegment compacted(String finess, SegmentMerge merge) {
        List<StoredSegment> all = CompactionSplit.encode(finess, merge, merge.rows(), SegmentContent.COMPACTES, 0,
                null);
        return all.isEmpty() ? null : all.get(0);
    }
}
