package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.closing.ClosedMonths;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.store.DepotStamps;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import fr.esms.indicateurs.store.ReportQueries;
import fr.esms.indicateurs.store.ResultStore;
import fr.esms.indicateurs.store.ResultStore.Measured;
import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;

/**
 * The {@code executer} job: load the referential, ingest the dépôt, compute every ESSMS of the referential for the
 * window, write the outputs. Its repository lives in the same database, so a failed run restarts where it stopped.
 */
@Configuration
public class ExecuterJobConfiguration {

    public static final String JOB_NAME = "executer";
    public static final int CHUNK = 500;

    @Bean
    Job executerJob(JobRepository jobRepository, StepDurations stepDurations, Step chargerReferentiel, Step ingererDepot,
                    Step calculerIndicateurs, Step exporterResultats, Step ecrireRapports, Step ecrireListes) {
        JobExecutionDecider workListsAsked = WorkListsDecider.INSTANCE;
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(stepDurations)
                .start(chargerReferentiel)
                .next(ingererDepot)
                .next(calculerIndicateurs)
                .next(exporterResultats)
                .next(ecrireRapports)
                // The work lists are written only when asked (listes=oui): otherwise the step does not run at all.
                .next(workListsAsked).on(WorkListsDecider.ASKED).to(ecrireListes)
                .from(workListsAsked).on("*").end()
                .end()
                .build();
    }

    @Bean
    Step chargerReferentiel(JobRepository jobRepository, PlatformTransactionManager tm,
                            ReferentialTasklet referentialTasklet) {
        return new StepBuilder("chargerReferentiel", jobRepository).tasklet(referentialTasklet, tm).build();
    }

    @Bean
    @StepScope
    ReferentialTasklet referentialTasklet(@Value("#{jobParameters['referentiel']}") String folder,
                                          ReferentialStore store, RulesLibrary rulesLibrary) {
        return new ReferentialTasklet(Path.of(folder), store, rulesLibrary);
    }

    @Bean
    Step ingererDepot(JobRepository jobRepository, PlatformTransactionManager tm, IngestionTasklet ingestionTasklet) {
        return new StepBuilder("ingererDepot", jobRepository).tasklet(ingestionTasklet, tm).build();
    }

    @Bean
    @StepScope
    IngestionTasklet ingestionTasklet(@Value("#{jobParameters['depot']}") String depot,
                                      @Value("#{jobParameters['archiver']}") String fileAway,
                                      @Value("#{jobParameters['profils']}") String profiles,
                                      @Value("#{jobParameters['profil']}") String profile, PivotStore pivotStore,
                                      ReferentialStore referentialStore, JdbcTemplate jdbc,
                                      PseudonymKey pseudonymKey) {
        return new IngestionTasklet(Path.of(depot), pivotStore, referentialStore, "oui".equals(fileAway),
                ProfileChoice.load(profiles, profile), Clock.systemDefaultZone(), new DepotStamps(jdbc),
                pseudonymKey);
    }

    @Bean
    Step calculerIndicateurs(JobRepository jobRepository, PlatformTransactionManager tm,
                             EssmsActivityReader essmsActivityReader,
                             ItemProcessor<EssmsInput, Measured> indicatorProcessor,
                             ItemWriter<Measured> resultWriter) {
        return new StepBuilder("calculerIndicateurs", jobRepository)
                .<EssmsInput, Measured>chunk(CHUNK, tm)
                .reader(essmsActivityReader)
                .processor(indicatorProcessor)
                .writer(resultWriter)
                .build();
    }

    @Bean
    @StepScope
    EssmsActivityReader essmsActivityReader(DataSource dataSource, ReferentialStore referentialStore,
                                            @Value("#{jobParameters['mois']}") String month,
                                            @Value("#{jobParameters['fenetre']}") Long windowMonths,
                                            RulesLibrary rulesLibrary) {
        return new EssmsActivityReader(dataSource, referentialStore, window(month, windowMonths), rulesLibrary);
    }

    @Bean
    ItemProcessor<EssmsInput, Measured> indicatorProcessor(MonthComputation computation) {
        return computation::measure;
    }

    @Bean
    ItemWriter<Measured> resultWriter(ResultStore resultStore) {
        return chunk -> resultStore.save(new ArrayList<>(chunk.getItems()));
    }

    @Bean
    Step exporterResultats(JobRepository jobRepository, PlatformTransactionManager tm, ExportTasklet exportTasklet) {
        return new StepBuilder("exporterResultats", jobRepository).tasklet(exportTasklet, tm).build();
    }

    @Bean
    @StepScope
    ExportTasklet exportTasklet(@Value("#{jobParameters['sortie']}") String output,
                                @Value("#{jobParameters['mois']}") String month,
                                @Value("#{jobParameters['fenetre']}") Long windowMonths, ResultStore results,
                                PivotStore pivotStore, ReferentialStore referentialStore, ClosedMonths closedMonths) {
        return new ExportTasklet(Path.of(output), window(month, windowMonths), results, pivotStore, referentialStore,
                closedMonths);
    }

    @Bean
    Step ecrireRapports(JobRepository jobRepository, PlatformTransactionManager tm, ReportsTasklet reportsTasklet) {
        return new StepBuilder("ecrireRapports", jobRepository).tasklet(reportsTasklet, tm).build();
    }

    /** {@code jourLimite}: exports extracted after this day of the following month are listed as late. */
    @Bean
    @StepScope
    ReportsTasklet reportsTasklet(@Value("#{jobParameters['sortie']}") String output,
                                  @Value("#{jobParameters['mois']}") String month,
                                  @Value("#{jobParameters['fenetre']}") Long windowMonths,
                                  @Value("#{jobParameters['jourLimite'] ?: 10}") Long lateDay,
                                  @Value("#{jobParameters['" + WorkbookPassword.PARAMETER + "']}") String encrypted,
                                  ReferentialStore referentialStore, ReportQueries reportQueries,
                                  ClosedMonths closedMonths, WorkbookPassword password) {
        return new ReportsTasklet(Path.of(output), window(month, windowMonths), lateDay.intValue(), referentialStore,
                reportQueries, Runtime.getRuntime().availableProcessors(), finess -> true, closedMonths,
                password.forRun(encrypted));
    }

    @Bean
    Step ecrireListes(JobRepository jobRepository, PlatformTransactionManager tm, WorkListsTasklet workListsTasklet) {
        return new StepBuilder("ecrireListes", jobRepository).tasklet(workListsTasklet, tm).build();
    }

    @Bean
    @StepScope
    WorkListsTasklet workListsTasklet(@Value("#{jobParameters['sortie']}") String output,
                                      @Value("#{jobParameters['mois']}") String month,
                                      @Value("#{jobParameters['fenetre']}") Long windowMonths,
                                      @Value("#{jobParameters['" + WorkbookPassword.PARAMETER + "']}") String encrypted,
                                      DataSource dataSource, ReferentialStore referentialStore,
                                      RulesLibrary rulesLibrary, WorkbookPassword password) {
        return new WorkListsTasklet(Path.of(output), window(month, windowMonths), dataSource, referentialStore,
                rulesLibrary, password.forRun(encrypted), Runtime.getRuntime().availableProcessors());
    }

    static MeasureWindow window(String month, Long windowMonths) {
        return new MeasureWindow(YearMonth.parse(month), windowMonths == null ? 1 : windowMonths.intValue());
    }
}
