package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.PivotRow.AggregateRow;
import fr.esms.indicateurs.ingest.PivotRow.CounterRow;
import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.ingest.PivotRow.ModificationRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.ingest.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes one package into the store as {@link fr.esms.indicateurs.ingest.PackageReader} streams it: pivot rows
 * as segments ({@link PackageSegments}, one per ESSMS), aggregates staged in batches ({@link StagingSink}, shared
 * by the packages of one transaction and merged by key once for all of them), rejections, warnings and per-file
 * counts. Runs inside the caller's transaction: a package is stored whole or not at all.
 */
public final class PackageLoad implements PackageVisitor {

    private static final int BATCH = 2_000;
    private static final int V = Types.VARCHAR;
    private static final int D = Types.DATE;
    private static final int B = Types.BIGINT;

    enum Target {
        AGREGAT("agregat", List.of("finess", "periode_debut", "periode_fin"),
                List.of("finess", "periode_debut", "periode_fin", "personnes_accompagnees", "dossiers_actifs",
                        "dossiers_actifs_pp", "dossiers_actifs_agenda", "messages_mss", "dmp_alimentes",
                        "exclusions_mss", "exclusions_dmp", "paquet", "ordre"), V, D, D, B, B, B, B, B, B, B, B, V, V),
        COMPTEUR("compteur", List.of("finess", "indicateur", "id"),
                List.of("finess", "indicateur", "id", "date_evt", "ordre"), V, V, V, D, V),
        REJET("INSERT INTO paquet_rejet (sha256, fichier, ligne, colonne, valeur, motif) VALUES (?, ?, ?, ?, ?, ?)",
                V, V, B, V, V, V),
        AVERTISSEMENT("INSERT INTO paquet_avertissement (sha256, fichier, ligne, message) VALUES (?, ?, ?, ?)",
                V, V, B, V);

        final String sql;
        final int[] types;
        /** For bulk loading: the table, its key (null for a union on the whole row) and the columns given. */
        final String table;
        final List<String> keys;
        final List<String> columns;

        Target(String sql, int... types) {
            this.sql = sql;
            this.types = types;
            this.table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
            this.keys = null;
            this.columns = List.of(sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(",\\s*"));
        }

        /** A table combined by key (latest export wins), or a union on the whole row when {@code keys} is null. */
        Target(String table, List<String> keys, List<String> columns, int... types) {
            this.sql = null;
            this.types = types;
            this.table = table;
            this.keys = keys;
            this.columns = columns;
        }

        boolean isPlainInsert() {
            return sql != null;
        }
    }

    /** Where full batches go; its {@code finish()} (called by the store) merges them into the tables. */
    interface RowSink {
        void write(Target target, List<Object[]> rows);

        long nextSequence();

        void discardFrom(long sequence);
    }

    private final JdbcTemplate jdbc;
    private final RowSink sink;
    private final int batchSize;
    private final ExportPackage pkg;
    private final Map<Target, List<Object[]>> pending = new EnumMap<>(Target.class);
    private final TreeSet<String> finessFed = new TreeSet<>();
    private final PackageSegments segments;
    private final boolean postgres;
    private final List<FileSummary> files = new ArrayList<>();
    private Manifest manifest;
    private String order;
    private Rejection rejected;
    private long rowsKept;
    private long rowsRejected;
    /** Above this share of rejected rows (percent), a file is rejected whole: it is usually a wrong profile. */
    private final int rejectedShareLimit;
    /** Sequence of the first staged row of the file being read. */
    private long fileStart;

    PackageLoad(JdbcTemplate jdbc, ExportPackage pkg, RowSink sink, boolean postgres, int rejectedShareLimit) {
        this.jdbc = jdbc;
        this.pkg = pkg;
        this.rejectedShareLimit = rejectedShareLimit;
        this.sink = sink;
        this.batchSize = postgres ? 50_000 : BATCH;
        this.fileStart = sink.nextSequence();
        this.postgres = postgres;
        this.segments = new PackageSegments(jdbc, pkg.sha256(), PackageSegments.MEMORY_BYTES);
    }

    @Override
    public void manifest(Manifest manifest) {
        this.manifest = manifest;
        // ISO dates sort as text, so this orders exports by date_extraction then by package name.
        this.order = manifest.extractionDate() + "|" + pkg.name();
        // Among exports of the same order (same extraction date and name), the one ingested last wins.
        segments.orderedAs(order, jdbc.queryForObject(postgres ? "SELECT nextval('paquet_rang')"
                : "SELECT NEXT VALUE FOR paquet_rang", Long.class));
    }

    @Override
    public void row(PivotFile file, PivotRow row) {
        if (rejected != null) {
            return;
        }
        if (order == null) {
            throw new IllegalStateException("ligne lue avant le manifeste export.csv dans " + pkg.name());
        }
        finessFed.add(row.finess());
        if (row instanceof StayRow r) {
            segments.photos(r.finess()).stay(r.personId(), r.entry(), r.exit(), r.exclusionCodes());
        } else if (row instanceof RecordRow r) {
            segments.photos(r.finess()).record(r.recordId(), r.personId(), r.created(), r.lastModified());
            // Each snapshot proves one update of the record, in the month of its last update.
            segments.events(r.finess()).update(r.recordId(), YearMonth.from(r.lastModified()));
        } else if (row instanceof ModificationRow r) {
            segments.events(r.finess()).update(r.recordId(), YearMonth.from(r.modified()));
        } else if (row instanceof ProjectRow r) {
            segments.photos(r.finess()).project(r.projectId(), r.recordId(), r.status(), r.start(), r.end());
        } else if (row instanceof EventRow r) {
            segments.events(r.finess()).event(r.eventId(), r.recordId(), r.date(), r.status());
        } else if (row instanceof MessageRow r) {
            segments.events(r.finess()).message(r.messageId(), r.sent());
        } else if (row instanceof DocumentRow r) {
            segments.events(r.finess()).document(r.documentId(), r.recordId(), r.deposited(), r.status());
        } else if (row instanceof CounterRow r) {
            segments.events(r.finess()).counted(file == PivotFile.EPRESCRIPTION ? CountedEvent.Kind.EPRESCRIPTION
                    : CountedEvent.Kind.EPARCOURS, r.id(), r.date());
        } else if (row instanceof AggregateRow r) {
            var c = r.counts();
            add(Target.AGREGAT, r.finess(), date(r.periodStart()), date(r.periodEnd()), c.personsAccompanied(),
                    c.activeRecords(), c.activeRecordsWithProject(), c.activeRecordsWithAgenda(), c.mssMessages(),
                    c.dmpFed(), c.mssExclusions(), c.dmpExclusions(), pkg.name(), order);
        }
    }

    @Override
    public void rejection(Rejection r) {
        add(Target.REJET, pkg.sha256(), r.file(), r.line(), r.column(), truncate(r.value()), truncate(r.reason()));
    }

    @Override
    public void warning(String file, long line, String message) {
        add(Target.AVERTISSEMENT, pkg.sha256(), file, line, truncate(message));
    }

    @Override
    public void fileRead(FileSummary summary) {
        // Every row of this file is staged before deciding, so that the next file starts a clean range.
        pending.keySet().forEach(this::flush);
        FileSummary counted = summary;
        if (summary.rejectedWhole() == null && summary.read() > 0
                && summary.rejected() * 100 > (long) rejectedShareLimit * summary.read()) {
            sink.discardFrom(fileStart);
            segments.fileRejected();
            String reason = summary.rejected() + " ligne(s) rejetée(s) sur " + summary.read() + " (plus de "
                    + rejectedShareLimit + " %) : le fichier ne correspond probablement pas au format ou au profil "
                    + "attendu ; fichier rejeté en entier, aucune de ses lignes n'est retenue";
            rejection(new Rejection(pkg.name(), summary.file(), 0, "", "", reason));
            counted = new FileSummary(summary.file(), summary.read(), 0, summary.read(), reason);
        } else {
            segments.fileKept();
        }
        files.add(counted);
        rowsKept += counted.kept();
        rowsRejected += counted.rejected();
        fileStart = sink.nextSequence();
    }

    @Override
    public void packageRejected(Rejection reason) {
        this.rejected = reason;
    }

    public boolean isRejected() {
        return rejected != null;
    }

    public Rejection rejection() {
        return rejected;
    }

    public Manifest manifestRead() {
        return manifest;
    }

    public List<FileSummary> files() {
        return List.copyOf(files);
    }

    public long rowsKept() {
        return rowsKept;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /**
     * Stages what remains and writes the package's own rows; the package is then known by its SHA-256 (its pivot
     * rows reach their tables when the store merges the staging tables, in the same transaction).
     */
    void finish() {
        if (rejected != null) {
            throw new IllegalStateException("paquet rejeté : " + rejected.reason());
        }
        pending.keySet().forEach(this::flush);
        segments.finish();
        jdbc.update("INSERT INTO paquet (sha256, nom, ordre, editeur, logiciel, version_logiciel, finess_ej, "
                        + "date_extraction, periode_debut, periode_fin, statut, ingere_le) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'INGERE', ?)",
                pkg.sha256(), pkg.name(), order, manifest.editor(), manifest.software(), manifest.softwareVersion(),
                manifest.finessEj(), date(manifest.extractionDate()), date(manifest.periodStart()),
                date(manifest.periodEnd()), Timestamp.valueOf(LocalDateTime.now()));
        insertFiles(jdbc, pkg.sha256(), files);
        jdbc.batchUpdate("INSERT INTO paquet_essms (sha256, finess) VALUES (?, ?)",
                finessFed.stream().map(f -> new Object[]{pkg.sha256(), f}).toList());
    }

    static void insertFiles(JdbcTemplate jdbc, String sha256, List<FileSummary> files) {
        jdbc.batchUpdate("INSERT INTO paquet_fichier (sha256, fichier, lus, retenus, rejetes, rejet_entier) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                files.stream().map(f -> new Object[]{sha256, f.file(), f.read(), f.kept(), f.rejected(),
                        truncate(f.rejectedWhole())}).toList());
    }

    private void add(Target target, Object... args) {
        List<Object[]> rows = pending.computeIfAbsent(target, t -> new ArrayList<>());
        rows.add(args);
        if (rows.size() >= batchSize) {
            flush(target);
        }
    }

    private void flush(Target target) {
        List<Object[]> rows = pending.get(target);
        if (rows != null && !rows.isEmpty()) {
            sink.write(target, rows);
            rows.clear();
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
