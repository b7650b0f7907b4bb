package fr.esms.indicateurs.jobs;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;

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

    private static final Logger log = LoggerFactory.getLogger(JobLaunches.class);

    private final JobLauncher launcher;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final RunLock lock;

    public JobLaunches(JobLauncher launcher, JobExplorer explorer, JobRepository repository, RunLock lock) {
        this.launcher = launcher;
        this.explorer = explorer;
        this.repository = repository;
        this.lock = lock;
    }

    /** Runs the job while holding the database's run lock; refuses if another run holds it. */
    public JobExecution launch(Job job, JobParameters request) throws Exception {
        try (RunLock.Held held = lock.acquire()) {
            failInterruptedRuns(job.getName());
            return launchOrRestart(job, request);
        }
    }

    /**
     * With the lock held, no run can be active: an execution still marked started was killed (crash, SIGKILL,
     * reboot). It is marked failed so that it can be restarted instead of blocking every later run.
     */
    void failInterruptedRuns(String jobName) {
        for (JobExecution execution : explorer.findRunningJobExecutions(jobName)) {
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription(INTERRUPTED));
                    step.setEndTime(now);
                    repository.update(step);
                }
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription(INTERRUPTED));
            execution.setEndTime(now);
            repository.update(execution);
            log.warn("Exécution {} du job {} interrompue brutalement (lancée le {}) : marquée en échec, elle sera "
                    + "reprise", execution.getId(), jobName, execution.getStartTime());
        }
    }

    static final String INTERRUPTED = "interrompu brutalement, marqué en échec au lancement suivant";

    private JobExecution launchOrRestart(Job job, JobParameters request) throws Exception {
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
