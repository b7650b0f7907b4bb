package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code executer} and sums it up in French for the operator. */
@Component
public class ExecuterLauncher {

    /**
     * @param fileAway move processed packages to the dépôt's archive/ or quarantaine/
     * @param profiles the editor profiles folder, or null (every package in the pivot format)
     * @param profile  the profile to apply to every package, or null to recognise each package's
     * @param workLists write the work lists of the ESSMS (listes/)
     */
    public record Request(Path depot, Path referentiel, YearMonth month, int windowMonths, Path output,
                          boolean fileAway, Path profiles, String profile, boolean workLists) {

        public Request(Path depot, Path referentiel, YearMonth month, int windowMonths, Path output,
                       boolean fileAway, Path profiles, String profile) {
            this(depot, referentiel, month, windowMonths, output, fileAway, profiles, profile, false);
        }

        public Request(Path depot, Path referentiel, YearMonth month, int windowMonths, Path output) {
            this(depot, referentiel, month, windowMonths, output, false);
        }

        public Request(Path depot, Path referentiel, YearMonth month, int windowMonths, Path output,
                       boolean fileAway) {
            this(depot, referentiel, month, windowMonths, output, fileAway, null, null);
        }
    }

    private final Job job;
    private final JobLaunches launches;
    private final PivotStore pivotStore;
    private final ReferentialStore referentialStore;
    private final WorkbookPassword password;

    public ExecuterLauncher(@Qualifier("executerJob") Job job, JobLaunches launches, PivotStore pivotStore,
                            ReferentialStore referentialStore, WorkbookPassword password) {
        this.job = job;
        this.password = password;
        this.launches = launches;
        this.pivotStore = pivotStore;
        this.referentialStore = referentialStore;
    }

    public static JobParameters parameters(Request request) {
        return parameters(request, false);
    }

    /**
     * Parameters added only when asked ({@code listes}, {@code chiffre}), so that a run without them keeps the
     * parameters, and the job instance, it had before they existed. The password itself is never a parameter.
     */
    public static JobParameters parameters(Request request, boolean encrypted) {
        JobParametersBuilder builder = new JobParametersBuilder();
        if (request.workLists()) {
            builder.addString(WorkListsDecider.PARAMETER, "oui");
        }
        if (encrypted) {
            builder.addString(WorkbookPassword.PARAMETER, "OUI");
        }
        if (request.fileAway()) {
            builder.addString("archiver", "oui");
        }
        if (request.profiles() != null) {
            builder.addString(IngestionTasklet.PROFILES_PARAMETER,
                    request.profiles().toAbsolutePath().normalize().toString());
        }
        if (request.profile() != null) {
            builder.addString(IngestionTasklet.PROFILE_PARAMETER, request.profile());
        }
        return builder
                .addString("depot", request.depot().toAbsolutePath().normalize().toString())
                .addString("referentiel", request.referentiel().toAbsolutePath().normalize().toString())
                .addString("mois", request.month().toString())
                .addLong("fenetre", (long) request.windowMonths())
                .addString("sortie", request.output().toAbsolutePath().normalize().toString())
                .toJobParameters();
    }

    public RunSummary run(Request request) throws Exception {
        return run(request, null, null);
    }

    /** @param workbookPassword the mailed workbooks are encrypted with it unless it is null; kept in memory only */
    public RunSummary run(Request request, String workbookPassword) throws Exception {
        return run(request, workbookPassword, null);
    }

    /**
     * @param workbookPassword the mailed workbooks are encrypted with it unless it is null; kept in memory only
     * @param lateDay          the {@code jourLimite} of the regional workbook's lateness, or null for the default
     */
    public RunSummary run(Request request, String workbookPassword, Integer lateDay) throws Exception {
        password.set(workbookPassword);
        try {
            JobParameters parameters = parameters(request, workbookPassword != null);
            if (lateDay != null) {
                parameters = new JobParametersBuilder(parameters).addLong(JobFileKeys.LATE_DAY, (long) lateDay)
                        .toJobParameters();
            }
            JobExecution execution = launches.launch(job, parameters);
            return summarise(execution, request);
        } finally {
            password.clear();
        }
    }

    static JobParameters parameters(Request request, Integer lateDay) {
        JobParameters parameters = parameters(request);
        return lateDay == null ? parameters
                : new JobParametersBuilder(parameters).addLong(JobFileKeys.LATE_DAY, (long) lateDay).toJobParameters();
    }

    /** @param request null for jobs other than executer */
    RunSummary summarise(JobExecution execution, Request request) {
        List<String> lines = new ArrayList<>();
        List<String> packages = IngestionTasklet.packagesOf(
                execution.getExecutionContext().getString(IngestionTasklet.PACKAGES_KEY, ""));
        long rejections = 0;
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            long refRejections = referentialStore.load().rejections().size();
            rejections += refRejections;
            if (refRejections > 0) {
                lines.add("Référentiel : " + refRejections + " ligne(s) rejetée(s)");
            }
            List<PivotStore.PackageFiles> summaries = pivotStore.fileSummaries(packages);
            lines.add(summaries.size() + " paquet(s) dans le dépôt");
            java.util.Map<String, long[]> perFile = new java.util.TreeMap<>();
            List<String> withRejections = new ArrayList<>();
            for (PivotStore.PackageFiles pkg : summaries) {
                long rejected = 0;
                for (FileSummary f : pkg.files()) {
                    long[] counts = perFile.computeIfAbsent(f.file(), k -> new long[3]);
                    counts[0] += f.read();
                    counts[1] += f.kept();
                    counts[2] += f.rejected();
                    rejected += f.rejected() + (f.rejectedWhole() == null ? 0 : 1);
                }
                if (pkg.status().equals("REJETE")) {
                    withRejections.add(pkg.name() + " : rejeté en entier");
                } else if (rejected > 0) {
                    withRejections.add(pkg.name() + " : " + rejected + " rejet(s)");
                }
            }
            perFile.forEach((file, c) -> lines.add(String.format("  %-28s lues %10d   retenues %10d   rejetées %8d",
                    file, c[0], c[1], c[2])));
            withRejections.stream().limit(20).forEach(l -> lines.add("  " + l));
            if (withRejections.size() > 20) {
                lines.add("  … et " + (withRejections.size() - 20) + " autre(s) paquet(s) avec rejets");
            }
            rejections += pivotStore.rejections(packages).size();
            if (request != null) {
                lines.add("Indicateurs : " + request.output().resolve("indicateurs").resolve(request.month() + ".csv"));
                lines.add("Rejets      : " + request.output().resolve("rejets").resolve(request.month() + ".csv")
                        + " (" + rejections + ")");
                if (request.workLists()) {
                    lines.add("Listes de travail (pour les ESSMS seulement) : " + request.output().resolve("listes"));
                }
            }
            String closed = execution.getExecutionContext().getString(ExportTasklet.CLOSED_NOTICE_KEY, "");
            if (!closed.isEmpty()) {
                lines.add(closed);
            }
        }
        String failure = execution.getAllFailureExceptions().stream().map(ExecuterLauncher::rootMessage)
                .findFirst().orElse(null);
        return new RunSummary(execution.getStatus(), rejections, lines, failure);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root.getMessage() + ")";
    }
}
