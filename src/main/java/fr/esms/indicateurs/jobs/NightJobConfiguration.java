package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.closing.ClosedMonths;
import fr.esms.indicateurs.output.IndicatorsCsvWriter;
import fr.esms.indicateurs.output.RejectionsCsvWriter;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import fr.esms.indicateurs.store.ReportQueries;
import fr.esms.indicateurs.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * The GRADeS's {@code nuit} job: load the referential, ingest what is new in the dépôt, recompute only the
 * ESSMS-months the new packages touched and rewrite those months' outputs (indicators, the workbooks of those
 * ESSMS, the regional workbook). A night with nothing new ends at once.
 */
@Configuration
public class NightJobConfiguration {

    public static final String JOB_NAME = "nuit";

    private static final Logger log = LoggerFactory.getLogger(NightJobConfiguration.class);

    @Bean
    Job nuitJob(JobRepository jobRepository, StepDurations stepDurations, Step chargerReferentiel, Step ingererDepot, Step recalculerMoisTouches) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(stepDurations)
                .start(chargerReferentiel)
                .next(ingererDepot)
                .next(recalculerMoisTouches)
                .build();
    }

    @Bean
    Step recalculerMoisTouches(JobRepository jobRepository, PlatformTransactionManager tm,
                               Tasklet touchedMonthsTasklet) {
        return new StepBuilder("recalculerMoisTouches", jobRepository).tasklet(touchedMonthsTasklet, tm).build();
    }

    @Bean
    @StepScope
    Tasklet touchedMonthsTasklet(@Value("#{jobParameters['sortie']}") String output,
                                 @Value("#{jobParameters['fenetre']}") Long windowMonths,
                                 @Value("#{jobExecutionContext['" + IngestionTasklet.NEW_PACKAGES_KEY + "']}")
                                 String newPackages,
                                 @Value("#{jobExecutionContext['" + IngestionTasklet.PACKAGES_KEY + "']}")
                                 String packages,
                                 @Value("#{jobParameters['" + WorkbookPassword.PARAMETER + "']}") String encrypted,
                                 WorkbookPassword password, PivotStore pivotStore, ReferentialStore referentialStore,
                                 ResultStore results, MonthComputation computation, ReportQueries reportQueries,
                                 ClosedMonths closedMonths) {
        return (contribution, chunkContext) -> {
            List<String> fresh = IngestionTasklet.packagesOf(newPackages);
            Path out = Path.of(output);
            new RejectionsCsvWriter().write(out, "nuit_" + LocalDate.now(), pivotStore.rejections(
                    IngestionTasklet.packagesOf(packages)));
            if (fresh.isEmpty()) {
                log.info("Rien de nouveau dans le dépôt : aucun recalcul.");
                return RepeatStatus.FINISHED;
            }
            Referential referential = referentialStore.load();
            int months = windowMonths == null ? 1 : windowMonths.intValue();
            SortedMap<YearMonth, Set<String>> touched = pivotStore.monthsFed(fresh);
            for (var entry : touched.entrySet()) {
                MeasureWindow window = new MeasureWindow(entry.getKey(), months);
                // A month never computed is computed whole: its file must list every ESSMS of the referential.
                boolean firstTime = !results.anyOfMonth(window.month(), months);
                int computed = computation.compute(referential, window,
                        firstTime ? finess -> true : entry.getValue()::contains);
                // A closed month's outputs keep showing its latest revision (its notice says what would change).
                var closed = closedMonths.of(window);
                new IndicatorsCsvWriter().write(out, window.month(),
                        each -> closedMonths.forEachShown(window, closed, each));
                closed.ifPresent(c -> log.info("Mois {} (fenêtre {} mois) : {}", window.month(), months, c.notice()));
                // The workbooks of the recomputed ESSMS, and the regional workbook of the month, change too.
                new ReportsTasklet(out, window, ReportsTasklet.DEFAULT_LATE_DAY, referentialStore, reportQueries,
                        Runtime.getRuntime().availableProcessors(),
                        firstTime ? finess -> true : entry.getValue()::contains, closedMonths,
                        password.forRun(encrypted)).writeReports();
                contribution.incrementWriteCount(computed);
                log.info("Mois {} (fenêtre {} mois) : {} ESSMS recalculé(s)", window.month(), months, computed);
            }
            return RepeatStatus.FINISHED;
        };
    }
}
