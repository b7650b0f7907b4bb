package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.closing.ClosedMonth;
import fr.esms.indicateurs.closing.ClosedMonths;
import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.output.IndicatorsCsvWriter;
import fr.esms.indicateurs.output.RejectionsCsvWriter;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import fr.esms.indicateurs.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes the machine-readable outputs of the run: the indicators of the month and the rejection report. */
public class ExportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ExportTasklet.class);
    /** The closed month's notice, for the operator's summary. */
    static final String CLOSED_NOTICE_KEY = "cloture.avis";

    private final Path output;
    private final MeasureWindow window;
    private final ResultStore results;
    private final PivotStore pivotStore;
    private final ReferentialStore referentialStore;
    private final ClosedMonths closedMonths;

    public ExportTasklet(Path output, MeasureWindow window, ResultStore results, PivotStore pivotStore,
                         ReferentialStore referentialStore, ClosedMonths closedMonths) {
        this.closedMonths = closedMonths;
        this.output = output;
        this.window = window;
        this.results = results;
        this.pivotStore = pivotStore;
        this.referentialStore = referentialStore;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        // A closed month shows its latest revision, never the live recomputation.
        Optional<ClosedMonth> closed = closedMonths.of(window);
        Path indicators = new IndicatorsCsvWriter().write(output, window.month(),
                each -> closedMonths.forEachShown(window, closed, each));
        closed.ifPresent(c -> {
            log.info("{} (fenêtre de {} mois) : {}", window.month(), window.months(), c.notice());
            chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .putString(CLOSED_NOTICE_KEY, window.month() + " : " + c.notice());
        });
        List<String> packages = IngestionTasklet.packagesOf(chunkContext.getStepContext().getStepExecution()
                .getJobExecution().getExecutionContext().getString(IngestionTasklet.PACKAGES_KEY, ""));
        List<Rejection> rejections = new ArrayList<>(referentialStore.load().rejections());
        rejections.addAll(pivotStore.rejections(packages));
        Path rejects = new RejectionsCsvWriter().write(output, window.month(), rejections);
        log.info("Écrit : {} ; {} ({} rejet(s))", indicators, rejects, rejections.size());
        return RepeatStatus.FINISHED;
    }
}
