package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** Ingests export packages into the store, each once (by content) and whole or not at all. */
public class PivotStore {

    public enum Status {
        /** Ingested by this call. */
        INGERE,
        /** Rejected whole by this call. */
        REJETE,
        /** The same content was already processed, under this or another name: nothing changes. */
        DEJA_TRAITE
    }

    public record Outcome(ExportPackage pkg, Status status, String detail, long rowsKept, long rowsRejected,
                          List<FileSummary> files) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    public static final int DEFAULT_REJECTED_SHARE_LIMIT = 50;

    /** PostgreSQL: bytes of package files per transaction, unless configured ({@link #groupBytes()}). */
    public static final long DEFAULT_POSTGRES_GROUP_BYTES = 32L << 20;
    /** H2: bytes of package files per transaction, unless configured ({@link #groupBytes()}). */
    public static final long DEFAULT_H2_GROUP_BYTES = 8L << 20;

    private final int rejectedShareLimit;
    /** PostgreSQL loads by COPY; H2 by JDBC batches. */
    private final boolean postgres;
    private final long groupBytes;
    private final int parallelGroups;
    /** Threads reading the packages of one group ({@link ReadAhead}): the cores the groups in flight leave. */
    private final int readers;
    /**
     * Held from the end of a group (the merge of its aggregates) until its transaction ends: groups are read and
     * written concurrently ({@link #parallelGroups()}) but end one after the other. Two concurrent merges
     * inserting the same key would wait for each other, then the second would fail on the primary key (a MERGE
     * does not retry).
     */
    private final ReentrantLock mergeLock = new ReentrantLock();

    public PivotStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, DEFAULT_REJECTED_SHARE_LIMIT);
    }

    /** @param rejectedShareLimit above this percentage of rejected rows, a file is rejected whole */
    public PivotStore(JdbcTemplate jdbc, TransactionTemplate tx, int rejectedShareLimit) {
        this(jdbc, tx, rejectedShareLimit, -1, 2);
    }

    /**
     * @param rejectedShareLimit above this percentage of rejected rows, a file is rejected whole
     * @param groupBytes         bytes of package files per transaction; negative for the default of the
     *                           database, zero for one package per transaction
     * @param parallelGroups     PostgreSQL: groups ingested at once ({@link #parallelGroups()}; H2: always one)
     */
    public PivotStore(JdbcTemplate jdbc, TransactionTemplate tx, int rejectedShareLimit, long groupBytes,
                      int parallelGroups) {
        this(jdbc, tx, rejectedShareLimit, groupBytes, parallelGroups, -1);
    }

    /**
     * @param readers threads reading the packages of one group; zero or negative for the default, the cores
     *                that the groups in flight leave ({@code availableProcessors / parallelGroups}, at least one)
     */
    public PivotStore(JdbcTemplate jdbc, TransactionTemplate tx, int rejectedShareLimit, long groupBytes,
                      int parallelGroups, int readers) {
        this.rejectedShareLimit = rejectedShareLimit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.postgres = DatabaseKind.isPostgres(jdbc);
        this.groupBytes = groupBytes >= 0 ? groupBytes
                : postgres ? DEFAULT_POSTGRES_GROUP_BYTES : DEFAULT_H2_GROUP_BYTES;
        this.parallelGroups = postgres ? Math.max(1, parallelGroups) : 1;
        this.readers = readers > 0 ? readers
                : Math.max(1, Runtime.getRuntime().availableProcessors() / this.parallelGroups);
    }

    /**
     * How many bytes of package files to ingest in one transaction ({@link #ingestAll}; a package is never
     * split). PostgreSQL gains from large groups: fewer statements and commits (2 000 ESSMS: ingestion 97 s
     * before grouping, 29 s after). H2 too since pivot rows are written as segments (10,000 ESSMS × 3 months, cache
     * dropped: 49.2 s one package per transaction, 38.3 s by 8 MiB, 42.5 s by 32 MiB; national × 3 months: 137 s
     * → 76 s for reading and writing); when rows were merged one by one, grouping had only added work there.
     */
    public long groupBytes() {
        return groupBytes;
    }

    /**
     * How many groups may be ingested at once, each in its own transaction and threads (reading, writing).
     * PostgreSQL: two, so that both cores read and encode packages. H2: one, its staging tables are shared by all
     * sessions.
     */
    public int parallelGroups() {
        return parallelGroups;
    }

    /** The name under which this content was processed, and how, if it was. */
    public Optional<String> processedAs(String sha256) {
        return jdbc.query("SELECT nom, statut FROM paquet WHERE sha256 = ?",
                (rs, i) -> rs.getString("nom") + " (" + (rs.getString("statut").equals("INGERE")
                        ? "ingéré" : "rejeté") + ")", sha256).stream().findFirst();
    }

    /** Reads a package into a visitor: {@code reader::read} in production. */
    @FunctionalInterface
    public interface PackageSource {
        void read(ExportPackage pkg, PackageVisitor visitor);
    }

    public Outcome ingest(ExportPackage pkg, PackageSource reader) {
        return ingestAll(List.of(pkg), reader).get(0);
    }

    /**
     * Ingests these packages in one transaction, in order: their pivot rows are written as segments (one per ESSMS
     * and package, {@link PackageSegments}), their aggregates staged then merged once for the whole group.
     * Packages are read on {@link #readers} threads of their own ({@link ReadAhead}) while this one writes them, in
     * order. Each package still counts whole or not at all: one rejected whole is rolled back to its savepoint and
     * recorded as rejected; a failure (I/O error...) rolls the whole group back, which the next run ingests again
     * ({@code GroupIngestionContractTest}). A package whose content
     * was already processed, or met earlier in the group, changes nothing.
     *
     * @return one outcome per package, in order, once the group is committed
     */
    public List<Outcome> ingestAll(List<ExportPackage> packages, PackageSource reader) {
        List<Outcome> outcomes = new ArrayList<>(packages.size());
        tx.executeWithoutResult(status -> {
            StagingSink sink = new StagingSink(jdbc, postgres);
            sink.begin();
            // Decided before reading, so that the reading thread skips what is already known, or met earlier in
            // the group (same content under another name).
            Set<String> toRead = new java.util.HashSet<>();
            List<ExportPackage> read = new ArrayList<>();
            for (ExportPackage pkg : packages) {
                if (processedAs(pkg.sha256()).isEmpty() && toRead.add(pkg.sha256())) {
                    read.add(pkg);
                }
            }
            try (ReadAhead reading = new ReadAhead(read, reader, readers)) {
                int next = 0;
                for (ExportPackage pkg : packages) {
                    if (next >= read.size() || read.get(next) != pkg) {
                        String known = processedAs(pkg.sha256()).orElseThrow();
                        String detail = known.startsWith(pkg.name() + " ")
                                ? "déjà traité : " + known
                                : "contenu identique à un paquet déjà traité sous le nom " + known
                                + " : non recompté";
                        outcomes.add(new Outcome(pkg, Status.DEJA_TRAITE, detail, 0, 0, List.of()));
                        continue;
                    }
                    next++;
                    var mark = sink.mark();
                    Object savepoint = status.createSavepoint();
                    PackageLoad load = new PackageLoad(jdbc, pkg, sink, postgres, rejectedShareLimit);
                    reading.replayNext(load);
                    if (load.isRejected()) {
                        status.rollbackToSavepoint(savepoint);
                        sink.reset(mark);
                        insertRejected(pkg, load.rejection(), load.files());
                        outcomes.add(new Outcome(pkg, Status.REJETE, load.rejection().reason(), 0, 0,
                                load.files()));
                    } else {
                        status.releaseSavepoint(savepoint);
                        load.finish();
                        outcomes.add(new Outcome(pkg, Status.INGERE, "", load.rowsKept(), load.rowsRejected(),
                                load.files()));
                    }
                }
            }
            mergeAloneUntilTransactionEnds();
            sink.finish();
        });
        return outcomes;
    }

    /**
     * Compacts the snapshot segments of the ESSMS these packages fed ({@link SegmentCompaction}), once they are
     * committed: what the calculation of any month decodes then no longer grows with the history kept.
     */
    public SegmentCompaction.Summary compactFedBy(List<String> sha256s) {
        return new SegmentCompaction(jdbc, tx).compactFedBy(sha256s);
    }

    /** Takes {@link #mergeLock}, released when the current transaction commits or rolls back. */
    private void mergeAloneUntilTransactionEnds() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (mergeLock.isHeldByCurrentThread()) {
                    mergeLock.unlock();
                }
            }
        });
        mergeLock.lock();
    }

    /**
     * Rejections of these packages, under the name each was processed with, in the order of the packages given,
     * then by file and line. Read 500 packages per query (a national run has 7 200: one query each took 2 s).
     */
    public List<Rejection> rejections(List<String> sha256s) {
        Map<String, List<Rejection>> byPackage = new HashMap<>();
        for (int from = 0; from < sha256s.size(); from += 500) {
            List<String> batch = sha256s.subList(from, Math.min(sha256s.size(), from + 500));
            jdbc.query("SELECT r.sha256, p.nom, r.fichier, r.ligne, r.colonne, r.valeur, r.motif "
                    + "FROM paquet_rejet r JOIN paquet p ON p.sha256 = r.sha256 WHERE r.sha256 IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", rs -> {
                byPackage.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Rejection(
                        rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)));
            }, batch.toArray());
        }
        Comparator<Rejection> fileThenLine = Comparator.comparing(Rejection::file).thenComparingLong(Rejection::line);
        List<Rejection> all = new ArrayList<>();
        for (String sha : new LinkedHashSet<>(sha256s)) {
            List<Rejection> rejections = byPackage.get(sha);
            if (rejections != null) {
                rejections.sort(fileThenLine);
                all.addAll(rejections);
            }
        }
        return all;
    }

    /** Per-file counts of these packages. */
    public List<PackageFiles> fileSummaries(List<String> sha256s) {
        List<PackageFiles> all = new ArrayList<>();
        for (String sha : sha256s) {
            List<FileSummary> files = jdbc.query("SELECT fichier, lus, retenus, rejetes, rejet_entier "
                    + "FROM paquet_fichier WHERE sha256 = ? ORDER BY fichier", (rs, i) -> new FileSummary(
                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)), sha);
            jdbc.query("SELECT nom, statut FROM paquet WHERE sha256 = ?", rs -> {
                all.add(new PackageFiles(rs.getString(1), sha, rs.getString(2), files));
            }, sha);
        }
        return all;
    }

    /** For each month of the period of these packages, the ESSMS they fed. */
    public SortedMap<YearMonth, Set<String>> monthsFed(List<String> sha256s) {
        SortedMap<YearMonth, Set<String>> fed = new TreeMap<>();
        for (String sha : sha256s) {
            jdbc.query("SELECT p.periode_debut, p.periode_fin, e.finess FROM paquet p "
                    + "JOIN paquet_essms e ON e.sha256 = p.sha256 WHERE p.sha256 = ?", rs -> {
                YearMonth from = YearMonth.from(rs.getDate(1).toLocalDate());
                YearMonth to = YearMonth.from(rs.getDate(2).toLocalDate());
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    fed.computeIfAbsent(m, k -> new TreeSet<>()).add(rs.getString(3));
                }
            }, sha);
        }
        return fed;
    }

    public record PackageFiles(String name, String sha256, String status, List<FileSummary> files) {
    }

    /** A package refused before reading (unsafe zip): remembered like a package rejected whole, once. */
    public void recordRefused(ExportPackage pkg, Rejection reason) {
        if (processedAs(pkg.sha256()).isEmpty()) {
            recordRejected(pkg, reason, List.of());
        }
    }

    /** A package rejected whole is remembered with its reason, so that a re-run reports it the same way. */
    private void recordRejected(ExportPackage pkg, Rejection reason, List<FileSummary> files) {
        tx.executeWithoutResult(status -> insertRejected(pkg, reason, files));
    }

    private void insertRejected(ExportPackage pkg, Rejection reason, List<FileSummary> files) {
        jdbc.update("INSERT INTO paquet (sha256, nom, statut, ingere_le) VALUES (?, ?, 'REJETE', ?)",
                pkg.sha256(), pkg.name(), Timestamp.valueOf(LocalDateTime.now()));
        jdbc.update("INSERT INTO paquet_rejet (sha256, fichier, ligne, colonne, valeur, motif) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", pkg.sha256(), reason.file() == null ? "" : reason.file(),
                reason.line(), reason.column(), PackageLoad.truncate(reason.value()),
                PackageLoad.truncate(reason.reason()));
        PackageLoad.insertFiles(jdbc, pkg.sha256(), files);
    }
}
