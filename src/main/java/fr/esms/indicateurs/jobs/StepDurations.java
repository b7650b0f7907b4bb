package fr.esms.indicateurs.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Logs each step's duration at the end of a job: where the time went, for operators and the benchmark. */
@Component
public class StepDurations implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepDurations.class);

    @Override
    public void afterJob(JobExecution job) {
        for (StepExecution step : job.getStepExecutions()) {
            if (step.getStartTime() != null && step.getEndTime() != null) {
                log.info("Étape {} : {} ms ({})", step.getStepName(),
                        Duration.between(step.getStartTime(), step.getEndTime()).toMillis(), step.getStatus());
            }
        }
    }
}
