package fr.esms.indicateurs.jobs;

import org.springframework.batch.core.BatchStatus;

import java.util.List;

/** The outcome of a run, for the operator: status, French summary lines and the process exit code. */
public record RunSummary(BatchStatus status, long rejections, List<String> lines, String failure) {

    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int SUCCESS_WITH_REJECTIONS = 3;

    public int exitCode() {
        if (status != BatchStatus.COMPLETED) {
            return FAILURE;
        }
        return rejections > 0 ? SUCCESS_WITH_REJECTIONS : SUCCESS;
    }
}
