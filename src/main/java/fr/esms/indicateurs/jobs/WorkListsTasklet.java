package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.output.WorkListCsvWriter;
import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.report.EssmsIdentity;
import fr.esms.indicateurs.report.WorkListWorkbookWriter;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.referential.ProjectRules;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.WorkList;
import fr.esms.indicateurs.rules.WorkLists;
import fr.esms.indicateurs.store.ActivityCursor;
import fr.esms.indicateurs.store.AggregateStore;
import fr.esms.indicateurs.store.AggregateStore.StoredAggregate;
import fr.esms.indicateurs.store.ReferentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes, only when asked ({@code listes=oui}), the work list of every ESSMS of the referential that misses a
 * target: {@code listes/<projet_id>/<finess>_<AAAA-MM>.xlsx} and {@code .csv}. The lists are computed from the
 * stored activity by the calculation's own rules ({@link WorkLists}), ESSMS after ESSMS; an ESSMS that misses no
 * target has no list, and an older list of its month is deleted, so that no stale list is ever sent.
 */
public class WorkListsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WorkListsTasklet.class);
    private static final int BATCH = 500;

    private final Path output;
    private final MeasureWindow window;
    private final DataSource dataSource;
    private final ReferentialStore referentialStore;
    private final RulesLibrary rules;
    private final String password;
    private final int threads;

    /** @param password the workbooks are encrypted with it unless it is null (the CSV files cannot be) */
    public WorkListsTasklet(Path output, MeasureWindow window, DataSource dataSource,
                            ReferentialStore referentialStore, RulesLibrary rules, String password,
                            int threads) {
        this.output = output;
        this.window = window;
        this.dataSource = dataSource;
        this.referentialStore = referentialStore;
        this.rules = rules;
        this.password = password;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        contribution.incrementWriteCount(writeLists());
        return RepeatStatus.FINISHED;
    }

    /** @return how many ESSMS received a list */
    public int writeLists() throws Exception {
        Referential referential = referentialStore.load();
        Map<String, Project> projects = referential.projects().stream()
                .collect(Collectors.toMap(Project::projetId, Function.identity()));
        Map<String, List<DeclaredAdjustment>> declared = referential.declaredByFiness();
        Map<String, StoredAggregate> aggregates = new AggregateStore(dataSource).exactly(window);
        // Each ESSMS under its project's rules version, as its figures (MonthComputation).
        ProjectRules projectRules = new ProjectRules(rules, referential);
        Map<String, IndicatorCalculator> calculators = new java.util.HashMap<>();
        Map<String, WorkLists> workListsByVersion = new java.util.HashMap<>();
        rules.versions().forEach(v -> {
            calculators.put(v.code(), new IndicatorCalculator(v));
            workListsByVersion.put(v.code(), new WorkLists(calculators.get(v.code())));
        });
        WorkListWorkbookWriter workbooks = new WorkListWorkbookWriter(Clock.systemDefaultZone(), password);
        WorkListCsvWriter csv = new WorkListCsvWriter();
        int written = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ActivityCursor cursor = new ActivityCursor(dataSource, window, true)) {
            List<Future<Boolean>> pending = new ArrayList<>();
            for (Essms essms : referential.essms()) {
                String version = projectRules.of(essms).code();
                EssmsInput input = new EssmsInput(essms, window, cursor.next(essms.finess()),
                        declared.getOrDefault(essms.finess(), List.of()), aggregates.get(essms.finess()), version);
                IndicatorCalculator calculator = calculators.get(version);
                WorkLists workLists = workListsByVersion.get(version);
                // The same choice of source as the calculation (MonthComputation): records when there are any.
                WorkList list = input.usesAggregate()
                        ? WorkList.fromAggregates(calculator.computeFromAggregate(essms.finess(), essms.categorie(),
                        window, input.aggregate().counts(), input.declared()))
                        : workLists.compute(essms.finess(), essms.categorie(), window, input.activity(),
                        input.declared());
                EssmsIdentity identity = ReportsTasklet.identity(essms, projects.get(essms.projetId()));
                pending.add(pool.submit(() -> write(identity, list, workbooks, csv)));
                if (pending.size() == BATCH) {
                    written += await(pending);
                }
            }
            written += await(pending);
        } finally {
            pool.shutdownNow();
        }
        log.info("Listes de travail : {} ESSMS ont une liste, dans {}", written, output.resolve("listes"));
        return written;
    }

    /** Writes the list, or deletes an older one when no target is missed; true when a list was written. */
    private boolean write(EssmsIdentity identity, WorkList list, WorkListWorkbookWriter workbooks,
                          WorkListCsvWriter csv) throws IOException {
        if (list.isEmpty()) {
            Files.deleteIfExists(WorkListWorkbookWriter.target(output, identity, window.month(), "xlsx"));
            Files.deleteIfExists(WorkListWorkbookWriter.target(output, identity, window.month(), "csv"));
            return false;
        }
        workbooks.write(identity, list, output);
        csv.write(identity, list, output);
        return true;
    }

    private static int await(List<Future<Boolean>> pending) throws Exception {
        int written = 0;
        for (Future<Boolean> f : pending) {
            if (f.get()) {
                written++;
            }
        }
        pending.clear();
        return written;
    }
}
