package fr.esms.indicateurs.jobs;

import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Past runs, read from the Spring Batch job repository. */
@Component
public class RunHistory {

    public record Run(long executionId, String job, LocalDateTime start, Duration duration, String status,
                      String parameters, int packages, long rowsRead, long essmsWritten, String exitDescription) {
    }

    private final JobExplorer explorer;

    public RunHistory(JobExplorer explorer) {
        this.explorer = explorer;
    }

    public List<Run> latest(int count) {
        List<Run> runs = new ArrayList<>();
        for (String job : explorer.getJobNames()) {
            for (JobInstance instance : explorer.getJobInstances(job, 0, count)) {
                for (JobExecution e : explorer.getJobExecutions(instance)) {
                    runs.add(run(job, e));
                }
            }
        }
        return runs.stream().sorted(Comparator.comparing(Run::start, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(count).toList();
    }

    private static Run run(String job, JobExecution e) {
        LocalDateTime end = e.getEndTime() == null ? LocalDateTime.now() : e.getEndTime();
        Duration duration = e.getStartTime() == null ? Duration.ZERO : Duration.between(e.getStartTime(), end);
        String packages = e.getExecutionContext().getString(IngestionTasklet.PACKAGES_KEY, "");
        long rows = 0;
        long essms = 0;
        for (StepExecution step : e.getStepExecutions()) {
            rows += step.getExecutionContext().getLong(IngestionTasklet.ROWS_KEY, 0L);
            essms += step.getWriteCount();
        }
        StringBuilder params = new StringBuilder();
        e.getJobParameters().getParameters().forEach((k, v) -> {
            if (!k.equals(JobLaunches.RUN)) {
                params.append(params.isEmpty() ? "" : " ").append(k).append('=').append(v.getValue());
            }
        });
        return new Run(e.getId(), job, e.getStartTime(), duration, e.getStatus().name(), params.toString(),
                IngestionTasklet.packagesOf(packages).size(), rows, essms, e.getExitStatus().getExitDescription());
    }
}
