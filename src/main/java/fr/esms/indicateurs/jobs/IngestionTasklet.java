package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.ingest.DepotScan;
import fr.esms.indicateurs.ingest.DepotScanner;
import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.PackageReader;
import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import fr.esms.indicateurs.ingest.tddui.TdduiPackageReader;
import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.store.DepotStamps;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Ingests the packages of the dépôt by groups, each group in its own transaction and thread (on PostgreSQL two
 * at once: one is read while the other is merged), one group recorded per call so that progress shows. The SHA-256
 * of every package seen goes into the job's context: the run's reports cover exactly these packages.
 */
public class IngestionTasklet implements Tasklet {

    static final String PACKAGES_KEY = "paquets.sha256";
    static final String PROFILES_PARAMETER = "profils";
    static final String PROFILE_PARAMETER = "profil";
    static final String ROWS_KEY = "lignes.lues";
    /** The packages this run ingested (not those already known): what an incremental run recomputes. */
    static final String NEW_PACKAGES_KEY = "paquets.nouveaux.sha256";

    private static final Logger log = LoggerFactory.getLogger(IngestionTasklet.class);
    /** At most this many packages per transaction (and {@link PivotStore#groupBytes()}; never split). */
    static final int GROUP_PACKAGES = 200;

    private final Path depot;
    private final Inbox inbox;
    private final PivotStore pivotStore;
    private final ReferentialStore referentialStore;
    private List<ExportPackage> packages;
    private PackageReader reader;
    private final ProfileChoice profiles;
    private final Clock clock;
    private final DepotStamps stamps;
    private final PseudonymKey pseudonymKey;
    private final List<String> seen = new ArrayList<>();
    private final List<String> ingested = new ArrayList<>();
    /** Packages whose outcome was recorded, and packages handed to a group. */
    private int next;
    private int submitted;
    private long startNanos;
    private final Deque<GroupInFlight> inFlight = new ArrayDeque<>();
    private ExecutorService groups;
    private int threadCount;

    /**
     * @param fileAway     move processed packages to {@code archive/} or {@code quarantaine/} ({@link Inbox})
     * @param profiles     the editor profiles the packages are read with (see {@link ProfileChoice#load})
     * @param clock        the day of the ingestion, which no package's {@code date_extraction} may pass
     * @param stamps       the hashes of the previous scan of the dépôt, kept for the next one (null: none)
     * @param pseudonymKey the base's key for TDDUI packages; null: TDDUI packages are read as pivot ones
     */
    public IngestionTasklet(Path depot, PivotStore pivotStore, ReferentialStore referentialStore, boolean fileAway,
                            ProfileChoice profiles, Clock clock, DepotStamps stamps, PseudonymKey pseudonymKey) {
        this.stamps = stamps;
        this.clock = clock;
        this.pseudonymKey = pseudonymKey;
        this.profiles = profiles;
        this.inbox = fileAway ? new Inbox(depot) : null;
        this.depot = depot;
        this.pivotStore = pivotStore;
        this.referentialStore = referentialStore;
    }

    /**
     * The next packages to ingest in one transaction: small packages are grouped, up to
     * {@link PivotStore#groupBytes()} of files or {@link #GROUP_PACKAGES} packages, so that the cost of merging
     * is paid once per group. Packages whose content is already processed join the group whatever its size: they
     * are neither read nor written (a nightly dépôt holds the months before; one transaction and one step update
     * cost about 3 ms on H2).
     */
    private List<ExportPackage> nextGroup() {
        List<ExportPackage> group = new ArrayList<>();
        long bytes = 0;
        long limit = pivotStore.groupBytes();
        while (submitted + group.size() < packages.size() && group.size() < GROUP_PACKAGES) {
            ExportPackage pkg = packages.get(submitted + group.size());
            boolean processed = pivotStore.processedAs(pkg.sha256()).isPresent();
            if (!group.isEmpty() && bytes >= limit && !processed) {
                break;
            }
            group.add(pkg);
            bytes += processed ? 0 : sizeOf(pkg.source());
        }
        return group;
    }

    private static long sizeOf(Path source) {
        try (var files = java.nio.file.Files.walk(source)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // read (and reported) by the ingestion itself
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (packages == null) {
            DepotScan scan = new DepotScanner().scan(depot, stamps == null ? Map.of() : stamps.load(depot),
                    clock.instant());
            if (stamps != null) {
                stamps.save(depot, scan.stamps());
            }
            packages = scan.packages();
            scan.warnings().forEach(w -> log.warn("Dépôt : {}", w));
            for (Rejection refused : scan.refused()) {
                ExportPackage pkg = new ExportPackage(refused.packageName(), depot.resolve(refused.packageName()),
                        DepotScanner.fileSha256(depot.resolve(refused.packageName())));
                pivotStore.recordRefused(pkg, refused);
                seen.add(pkg.sha256());
                log.warn("{} : REJETÉ en entier — {}", pkg.name(), refused.reason());
                if (inbox != null) {
                    inbox.quarantine(pkg, refused.reason());
                }
            }
            Set<String> known = referentialStore.load().essms().stream().map(Essms::finess).collect(Collectors.toSet());
            reader = new PackageReader(known::contains, profiles.profiles(), profiles.forced(), clock,
                    pseudonymKey == null ? null : new TdduiPackageReader(known::contains, pseudonymKey));
            if (!profiles.profiles().isEmpty()) {
                log.info("Profils éditeurs : {}", profiles.profiles().names());
            }
            log.info("Dépôt {} : {} paquet(s) trouvé(s)", depot, packages.size() + scan.refused().size());
        }
        try {
            submitGroups();
            if (!inFlight.isEmpty()) {
                record(inFlight.poll(), contribution, chunkContext);
            }
        } catch (Exception | Error e) {
            stopGroups();
            throw e;
        }
        if (submitted < packages.size() || !inFlight.isEmpty()) {
            return RepeatStatus.CONTINUABLE;
        }
        stopGroups();
        if (!ingested.isEmpty()) {
            var compaction = pivotStore.compactFedBy(ingested);
            log.info("Compactage : {} ESSMS, {} segments de photos réunis, {} lignes lues, {} gardées, en {} ms",
                    compaction.essms(), compaction.segmentsReplaced(), compaction.rowsBefore(),
                    compaction.rowsAfter(), compaction.millis());
        }
        var jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        jobContext.putString(PACKAGES_KEY, String.join(",", seen));
        jobContext.putString(NEW_PACKAGES_KEY, String.join(",", ingested));
        return RepeatStatus.FINISHED;
    }

    /** A group handed to a thread of its own: its transaction commits when its outcomes are ready. */
    private record GroupInFlight(List<ExportPackage> group, long startNanos, Future<List<PivotStore.Outcome>> outcomes) {
    }

    /**
     * Starts groups until {@link PivotStore#parallelGroups()} are in flight. A group holding a content (SHA-256)
     * that a group in flight holds too waits for it to end: only then does the store know that content as
     * already processed (two transactions must never record the same content).
     */
    private void submitGroups() {
        while (submitted < packages.size() && inFlight.size() < pivotStore.parallelGroups()) {
            List<ExportPackage> group = nextGroup();
            boolean sameContentInFlight = inFlight.stream().flatMap(g -> g.group().stream())
                    .anyMatch(p -> group.stream().anyMatch(q -> q.sha256().equals(p.sha256())));
            if (sameContentInFlight) {
                return;
            }
            if (groups == null) {
                groups = Executors.newFixedThreadPool(pivotStore.parallelGroups(), runnable -> {
                    Thread thread = new Thread(runnable, "ingestion-" + (++threadCount));
                    thread.setDaemon(true);
                    return thread;
                });
            }
            long start = System.nanoTime();
            if (startNanos == 0) {
                startNanos = start;
            }
            inFlight.add(new GroupInFlight(group, start, groups.submit(() -> pivotStore.ingestAll(group, reader::read))));
            submitted += group.size();
        }
    }

    /** Waits for the group's transaction, then logs and files its packages. */
    private void record(GroupInFlight done, StepContribution contribution, ChunkContext chunkContext)
            throws Exception {
        List<PivotStore.Outcome> outcomes;
        try {
            outcomes = done.outcomes().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
        long millis = (System.nanoTime() - done.startNanos()) / 1_000_000;
        long groupRead = 0;
        for (PivotStore.Outcome outcome : outcomes) {
            groupRead += outcome.files().stream().mapToLong(FileSummary::read).sum();
        }
        int recorded = next + outcomes.size();
        long remaining = Math.round((System.nanoTime() - startNanos) / 1e9 / recorded
                * (packages.size() - recorded));
        for (PivotStore.Outcome outcome : outcomes) {
            ExportPackage pkg = outcome.pkg();
            next++;
            seen.add(pkg.sha256());
            if (outcome.status() == PivotStore.Status.INGERE) {
                ingested.add(pkg.sha256());
            }
            contribution.incrementReadCount();
            switch (outcome.status()) {
                case INGERE -> log.info("[{}/{}] {} : ingéré, {} lignes retenues, {} rejetées", next,
                        packages.size(), pkg.name(), outcome.rowsKept(), outcome.rowsRejected());
                case REJETE -> log.warn("[{}/{}] {} : REJETÉ en entier — {}", next, packages.size(), pkg.name(),
                        outcome.detail());
                case DEJA_TRAITE -> log.info("[{}/{}] {} : {}", next, packages.size(), pkg.name(),
                        outcome.detail());
            }
            if (inbox != null) {
                fileAway(pkg, outcome);
            }
        }
        var stepContext = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        stepContext.putLong(ROWS_KEY, stepContext.getLong(ROWS_KEY, 0L) + groupRead);
        log.info("{} paquet(s) enregistré(s) ensemble : {} lignes lues en {} ms ({} lignes/s, reste environ "
                        + "{} s)", outcomes.size(), groupRead, millis, millis == 0 ? groupRead : groupRead * 1000 / millis,
                remaining);
    }

    /**
     * After a failure or at the end: the groups still in flight finish (each commits or rolls back whole; the
     * next run ingests again what did not commit, and finds what did as already processed).
     */
    private void stopGroups() throws InterruptedException {
        if (groups != null) {
            groups.shutdown();
            groups.awaitTermination(1, TimeUnit.HOURS);
            groups = null;
        }
        inFlight.clear();
    }

    /**
     * After the package's transaction committed. A package found again under its own name (the run stopped
     * between the commit and the move) is filed as its first processing decided.
     */
    private void fileAway(ExportPackage pkg, PivotStore.Outcome outcome) throws java.io.IOException {
        switch (outcome.status()) {
            case INGERE -> inbox.archive(pkg);
            case REJETE -> inbox.quarantine(pkg, outcome.detail());
            case DEJA_TRAITE -> {
                String firstTime = pivotStore.processedAs(pkg.sha256()).orElse("");
                if (firstTime.equals(pkg.name() + " (ingéré)")) {
                    inbox.archive(pkg);
                } else {
                    inbox.quarantine(pkg, outcome.detail());
                }
            }
        }
    }

    static List<String> packagesOf(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
