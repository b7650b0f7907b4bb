package fr.esms.indicateurs.jobs;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Starts a job the way operators expect: the same request after a failure restarts the failed run where it
 * stopped; after a success it runs again as a new run (figures are recomputed, never added twice).
 */
@Component
public class JobLaunches {

    /** Distinguishes successive runs of one request; not a business parameter. */
    static final String RUN = "lancement";

    private final JobLauncher launcher;
    private final JobExplorer explorer;

    public JobLaunches(JobLauncher launcher, JobExplorer explorer) {
        this.launcher = launcher;
        this.explorer = explorer;
    }

    public JobExecution launch(Job job, JobParameters request) throws Exception {
        List<JobInstance> instances = explorer.getJobInstances(job.getName(), 0, 20);
        for (JobInstance instance : instances) {
            JobExecution last = explorer.getLastJobExecution(instance);
            if (last != null && sameRequest(last.getJobParameters(), request)) {
                BatchStatus status = last.getStatus();
                if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
                    return launcher.run(job, last.getJobParameters());
                }
                break;
            }
        }
        JobParameters fresh = new JobParametersBuilder(request)
                .addLong(RUN, System.currentTimeMillis())
                .toJobParameters();
        return launcher.run(job, fresh);
    }

    private static boolean sameRequest(JobParameters previous, JobParameters request) {
        return request.getParameters().keySet().stream()
                .allMatch(key -> Objects.equals(previous.getParameters().get(key), request.getParameters().get(key)));
    }
}
