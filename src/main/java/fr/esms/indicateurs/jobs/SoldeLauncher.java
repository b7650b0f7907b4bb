package fr.esms.indicateurs.jobs;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/** Runs {@code solde} and sums it up in French for the operator. */
@Component
public class SoldeLauncher {

    /**
     * A solde request; the windows are already resolved (defaults of the rules version applied).
     *
     * @param commandLine the command as typed, passwords masked, for the Preuves sheet
     * @param revision    the closed revision asked ({@code --revision}), or null for the latest
     */
    public record Request(String projectId, YearMonth month, int duiMonths, int servicesMonths, Path output,
                          String commandLine, String toolVersion, Integer revision) {

        /** On the latest closed revision of each final window (computed where a window is not closed). */
        public Request(String projectId, YearMonth month, int duiMonths, int servicesMonths, Path output,
                       String commandLine, String toolVersion) {
            this(projectId, month, duiMonths, servicesMonths, output, commandLine, toolVersion, null);
        }
    }

    /** The outcome: completed with a proof, refused with a reason (nothing written), or failed. */
    public record Summary(BatchStatus status, String refusal, List<String> lines, String failure) {

        public int exitCode() {
            if (status != BatchStatus.COMPLETED || failure != null) {
                return RunSummary.FAILURE;
            }
            return refusal != null ? RunSummary.USAGE : RunSummary.SUCCESS;
        }
    }

    private final Job job;
    private final JobLaunches launches;
    private final SoldePassword password;

    public SoldeLauncher(@Qualifier("soldeJob") Job job, JobLaunches launches, SoldePassword password) {
        this.job = job;
        this.launches = launches;
        this.password = password;
    }

    /** The password, if any, stays in memory: it is neither a job parameter nor written anywhere. */
    public static JobParameters parameters(Request request, boolean encrypted) {
        JobParametersBuilder builder = new JobParametersBuilder();
        if (request.revision() != null) {
            builder.addLong("revision", (long) request.revision());
        }
        return builder
                .addString("projet", request.projectId())
                .addString("mois", request.month().toString())
                .addLong("fenetreDui", (long) request.duiMonths())
                .addLong("fenetreServices", (long) request.servicesMonths())
                .addString("sortie", request.output().toAbsolutePath().normalize().toString())
                .addString("chiffre", encrypted ? "OUI" : "NON")
                .addString("commande", request.commandLine(), false)
                .addString("version", request.toolVersion(), false)
                .toJobParameters();
    }

    /** @param workbookPassword null for a workbook without password */
    public Summary run(Request request, String workbookPassword) throws Exception {
        password.set(workbookPassword);
        try {
            JobExecution execution = launches.launch(job, parameters(request, workbookPassword != null));
            var context = execution.getExecutionContext();
            String failure = execution.getAllFailureExceptions().stream().map(ExecuterLauncher::rootMessage)
                    .findFirst().orElse(null);
            String summary = context.getString(SoldeTasklet.SUMMARY_KEY, "");
            return new Summary(execution.getStatus(), context.getString(SoldeTasklet.REFUSAL_KEY, null),
                    summary.isEmpty() ? List.of() : List.of(summary.split("\n")), failure);
        } finally {
            password.clear();
        }
    }
}
