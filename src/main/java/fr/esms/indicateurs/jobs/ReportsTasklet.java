package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.alerte.EarlyWarning;
import fr.esms.indicateurs.alerte.EssmsOutlook;
import fr.esms.indicateurs.closing.ClosedMonth;
import fr.esms.indicateurs.closing.ClosedMonths;
import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.report.DataQuality;
import fr.esms.indicateurs.report.EssmsIdentity;
import fr.esms.indicateurs.report.EssmsReport;
import fr.esms.indicateurs.report.EssmsWorkbookWriter;
import fr.esms.indicateurs.report.FigureSource;
import fr.esms.indicateurs.report.FileCount;
import fr.esms.indicateurs.report.HistoryPoint;
import fr.esms.indicateurs.report.PackageUsed;
import fr.esms.indicateurs.report.ProjectInfo;
import fr.esms.indicateurs.report.RegionalReport;
import fr.esms.indicateurs.report.RegionalRow;
import fr.esms.indicateurs.report.RegionalWorkbookWriter;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ReferentialStore;
import fr.esms.indicateurs.store.ReportQueries;
import fr.esms.indicateurs.store.ReportQueries.FedBy;
import fr.esms.indicateurs.store.ResultStore.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes one workbook per ESSMS of the referential and the ARS's regional workbook for the window. ESSMS are read
 * in batches (a few queries per batch) and their workbooks written in parallel, one small workbook per thread at
 * a time, so memory stays flat whatever the size of the region.
 */
public class ReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportsTasklet.class);
    private static final int BATCH = 500;
    /** Exports extracted after this day of the following month are listed as late. */
    public static final int DEFAULT_LATE_DAY = 10;

    private final Path output;
    private final MeasureWindow window;
    private final int lateDay;
    private final ReferentialStore referentialStore;
    private final ReportQueries queries;
    private final int threads;
    private final java.util.function.Predicate<String> rewrite;
    private final ClosedMonths closedMonths;
    /** Null: the workbooks are not encrypted. */
    private final String password;

    /** Writes every ESSMS's workbook. */
    public ReportsTasklet(Path output, MeasureWindow window, int lateDay, ReferentialStore referentialStore,
                          ReportQueries queries, int threads) {
        this(output, window, lateDay, referentialStore, queries, threads, finess -> true, null);
    }

    /**
     * Writes the workbooks of the ESSMS {@code rewrite} accepts, and the regional workbook.
     *
     * @param closedMonths null to show the live results even when the month is closed
     */
    public ReportsTasklet(Path output, MeasureWindow window, int lateDay, ReferentialStore referentialStore,
                          ReportQueries queries, int threads, java.util.function.Predicate<String> rewrite,
                          ClosedMonths closedMonths) {
        this(output, window, lateDay, referentialStore, queries, threads, rewrite, closedMonths, null);
    }

    /** The same, the ESSMS and regional workbooks encrypted with {@code password} unless it is null. */
    public ReportsTasklet(Path output, MeasureWindow window, int lateDay, ReferentialStore referentialStore,
                          ReportQueries queries, int threads, java.util.function.Predicate<String> rewrite,
                          ClosedMonths closedMonths, String password) {
        this.closedMonths = closedMonths;
        this.rewrite = rewrite;
        this.password = password;
        this.output = output;
        this.window = window;
        this.lateDay = lateDay;
        this.referentialStore = referentialStore;
        this.queries = queries;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        contribution.incrementWriteCount(writeReports());
        return RepeatStatus.FINISHED;
    }

    /** @return the number of ESSMS workbooks written */
    public int writeReports() throws Exception {
        Referential referential = referentialStore.load();
        Map<String, Project> projects = referential.projects().stream()
                .collect(Collectors.toMap(Project::projetId, Function.identity()));
        Map<String, String> categories = referential.essms().stream()
                .collect(Collectors.toMap(Essms::finess, Essms::categorie));
        List<RegionalRow> regional = new ArrayList<>();
        List<EssmsOutlook> outlooks = new ArrayList<>();
        // A closed month shows its latest revision: figures, adjustments, warnings and the packages it kept.
        Optional<ClosedMonth> closed = closedMonths == null ? Optional.empty() : closedMonths.of(window);
        ReportQueries shown = closed.map(c -> queries.forRevision(c.revision())).orElse(queries);
        String notice = closed.map(ClosedMonth::notice).orElse(null);
        EssmsWorkbookWriter writer = new EssmsWorkbookWriter().protectedBy(password);
        String rejections = output.resolve("rejets").resolve(window.month() + ".csv").toString();
        long start = System.nanoTime();
        int written = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Essms> all = referential.essms();
            // The workbooks of a batch are written while the next batch is read from the database.
            List<Future<Path>> previous = List.of();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Essms> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                List<String> finess = batch.stream().map(Essms::finess).toList();
                Map<String, EssmsMeasure> measures = shown.measures(finess, categories, window);
                Map<String, Boolean> withData = shown.withData(finess, window);
                Map<String, java.util.Optional<String>> aggregatePackages = shown.aggregatePackages(finess, window);
                Map<String, List<StoredResult>> history = queries.history(finess, window.months());
                // the early warning reads the one-month windows, whatever the window of the run
                Map<String, List<StoredResult>> monthly = window.months() == 1 ? history
                        : queries.history(finess, 1);
                Map<String, List<FedBy>> packages = shown.packages(finess, window);
                List<Future<Path>> pending = new ArrayList<>();
                for (Essms essms : batch) {
                    EssmsMeasure measure = measures.get(essms.finess());
                    if (measure == null) {
                        continue;
                    }
                    EssmsIdentity identity = identity(essms, projects.get(essms.projetId()));
                    List<FedBy> fed = packages.getOrDefault(essms.finess(), List.of());
                    boolean hasData = withData.getOrDefault(essms.finess(), false);
                    FigureSource source = !hasData ? FigureSource.none()
                            : aggregatePackages.getOrDefault(essms.finess(), java.util.Optional.empty())
                            .map(FigureSource::aggregates).orElse(FigureSource.records());
                    Project project = projects.get(essms.projetId());
                    EssmsOutlook outlook = EarlyWarning.assess(essms.finess(), essms.projetId(), window.month(),
                            project == null ? null : project.dateFinDeploiement(),
                            byMonth(monthly.getOrDefault(essms.finess(), List.of())));
                    outlooks.add(outlook);
                    // The live point of a closed month gives way to the revision's (added by EssmsReport).
                    List<StoredResult> past = history.getOrDefault(essms.finess(), List.of()).stream()
                            .filter(r -> closed.isEmpty() || !r.month().equals(window.month())).toList();
                    EssmsReport report = new EssmsReport(identity, measure, historyPoints(past),
                            quality(fed, measure, rejections, source), outlook, notice);
                    if (rewrite.test(essms.finess())) {
                        pending.add(pool.submit(() -> writer.write(report, output)));
                    }
                    // Lateness is judged on the day the package arrived, not on the editor's extraction date.
                    LocalDate lastExport = fed.stream().map(FedBy::arrivedOn).filter(Objects::nonNull)
                            .max(Comparator.naturalOrder()).orElse(null);
                    // Kept until the regional workbook is written, for every ESSMS: only the figures it shows.
                    regional.add(new RegionalRow(identity, hasData ? measure.figuresOnly() : null, lastExport,
                            source));
                }
                written += await(previous, written, all.size(), start);
                previous = pending;
            }
            written += await(previous, written, all.size(), start);
        } finally {
            pool.shutdownNow();
        }
        List<ProjectInfo> projectInfos = referential.projects().stream().map(p -> new ProjectInfo(p.projetId(),
                p.intitule(), p.finessEjPorteur(), p.typeFinancement().name(), p.dateConvention(),
                p.dateFinDeploiement())).toList();
        Path regionalFile = new RegionalWorkbookWriter(java.time.Clock.systemDefaultZone(), password).write(
                new RegionalReport(window.month(), window.months(), regional, projectInfos,
                        RegionalReport.deadline(window.month(), lateDay), outlooks, closed.orElse(null)), output);
        log.info("Rapports écrits : {} classeurs ESSMS dans {} ; synthèse régionale {}", written,
                output.resolve("rapports"), regionalFile);
        return written;
    }

    /** Waits for these workbooks and logs the progress; returns how many were written. */
    private static int await(List<Future<Path>> workbooks, int writtenBefore, int total, long startNanos)
            throws Exception {
        for (Future<Path> f : workbooks) {
            f.get();
        }
        if (!workbooks.isEmpty()) {
            int written = writtenBefore + workbooks.size();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            log.info("Rapports : {}/{} classeurs ESSMS ({} classeurs/s)", written, total,
                    Math.round(written / Math.max(seconds, 1e-3)));
        }
        return workbooks.size();
    }

    static EssmsIdentity identity(Essms essms, Project project) {
        return new EssmsIdentity(essms.finess(), essms.finessEj(), essms.raisonSociale(), essms.categorie(),
                essms.sector(), essms.departement(), essms.projetId(), project == null ? null : project.intitule(),
                essms.editeur());
    }

    private static List<HistoryPoint> historyPoints(List<StoredResult> history) {
        Map<YearMonth, Map<fr.esms.indicateurs.rules.Indicator, IndicatorResult>> byMonth = new TreeMap<>();
        int windowMonths = 1;
        for (StoredResult r : history) {
            byMonth.computeIfAbsent(r.month(), m -> new EnumMap<>(fr.esms.indicateurs.rules.Indicator.class))
                    .put(r.result().indicator(), r.result());
            windowMonths = r.windowMonths();
        }
        int months = windowMonths;
        return byMonth.entrySet().stream().map(e -> new HistoryPoint(e.getKey(), months, e.getValue())).toList();
    }

    /** Stored results by month, then indicator. */
    static java.util.NavigableMap<YearMonth, Map<fr.esms.indicateurs.rules.Indicator, IndicatorResult>> byMonth(
            List<StoredResult> history) {
        java.util.NavigableMap<YearMonth, Map<fr.esms.indicateurs.rules.Indicator, IndicatorResult>> byMonth =
                new TreeMap<>();
        for (StoredResult r : history) {
            byMonth.computeIfAbsent(r.month(), m -> new EnumMap<>(fr.esms.indicateurs.rules.Indicator.class))
                    .put(r.result().indicator(), r.result());
        }
        return byMonth;
    }

    private static DataQuality quality(List<FedBy> fed, EssmsMeasure measure, String rejections,
                                       FigureSource source) {
        List<PackageUsed> used = fed.stream().map(p -> new PackageUsed(p.name(), p.editor(), p.software(),
                p.softwareVersion(), p.extractionDate(), p.sha256())).toList();
        List<FileCount> files = fed.stream().flatMap(p -> p.files().stream().map(f -> new FileCount(p.name(),
                f.file(), f.read(), f.kept(), f.rejected(), f.rejectedWhole()))).toList();
        return new DataQuality(used, files, measure.warnings(), rejections, source);
    }
}
