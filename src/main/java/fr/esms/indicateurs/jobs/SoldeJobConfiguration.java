package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.solde.ClosedFinalWindows;
import fr.esms.indicateurs.store.ClosingStore;
import fr.esms.indicateurs.store.ReportQueries;
import fr.esms.indicateurs.solde.SoldeCalculation;
import fr.esms.indicateurs.store.ProvenanceStore;
import fr.esms.indicateurs.store.ReferentialStore;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * The {@code solde} job: from what {@code executer} stored (data and referential), the final measure of one
 * project, its decision and amounts, written as a workbook with its proofs. One step; rerunning it recomputes
 * everything and replaces the files.
 */
@Configuration
public class SoldeJobConfiguration {

    public static final String JOB_NAME = "solde";

    @Bean
    Job soldeJob(JobRepository jobRepository, Step etablirSolde) {
        return new JobBuilder(JOB_NAME, jobRepository).start(etablirSolde).build();
    }

    @Bean
    Step etablirSolde(JobRepository jobRepository, PlatformTransactionManager tm, SoldeTasklet soldeTasklet) {
        return new StepBuilder("etablirSolde", jobRepository).tasklet(soldeTasklet, tm).build();
    }

    @Bean
    @StepScope
    SoldeTasklet soldeTasklet(@Value("#{jobParameters['projet']}") String projectId,
                              @Value("#{jobParameters['mois']}") String month,
                              @Value("#{jobParameters['fenetreDui']}") Long duiMonths,
                              @Value("#{jobParameters['fenetreServices']}") Long servicesMonths,
                              @Value("#{jobParameters['sortie']}") String output,
                              @Value("#{jobParameters['chiffre']}") String encrypted,
                              @Value("#{jobParameters['commande']}") String commandLine,
                              @Value("#{jobParameters['version']}") String toolVersion,
                              @Value("#{jobParameters['revision']}") Long revision,
                              SoldeCalculation soldeCalculation, ProvenanceStore provenanceStore,
                              SoldePassword soldePassword) {
        return new SoldeTasklet(new SoldeTasklet.Request(projectId, YearMonth.parse(month), duiMonths.intValue(),
                servicesMonths.intValue(), Path.of(output), "OUI".equals(encrypted), commandLine, toolVersion,
                revision == null ? null : revision.intValue()),
                soldeCalculation, provenanceStore, soldePassword);
    }

    @Bean
    SoldeCalculation soldeCalculation(DataSource dataSource, ReferentialStore referentialStore,
                                      RulesLibrary rulesLibrary, ClosingStore closingStore,
                                      ReportQueries reportQueries) {
        return new SoldeCalculation(dataSource, referentialStore, rulesLibrary,
                new ClosedFinalWindows(closingStore, reportQueries));
    }
}
