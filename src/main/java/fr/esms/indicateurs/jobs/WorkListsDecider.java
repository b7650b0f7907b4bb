package fr.esms.indicateurs.jobs;

import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;

/** Sends {@code executer} to the work lists only when the job parameter {@value #PARAMETER} is {@code oui}. */
enum WorkListsDecider implements JobExecutionDecider {
    INSTANCE;

    /** Job parameter (and key of {@code jobs/*.properties}): {@code oui} to write the work lists. */
    static final String PARAMETER = "listes";
    static final String ASKED = "LISTES";

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        return "oui".equals(jobExecution.getJobParameters().getString(PARAMETER))
                ? new FlowExecutionStatus(ASKED) : FlowExecutionStatus.COMPLETED;
    }
}
