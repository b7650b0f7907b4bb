package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.closing.ClosedMonths;
import fr.esms.indicateurs.closing.MonthClosing;
import fr.esms.indicateurs.referential.RulesLoader;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.store.ClosedFigures;
import fr.esms.indicateurs.store.ClosingStore;
import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ProvenanceStore;
import fr.esms.indicateurs.store.ReferentialStore;
import fr.esms.indicateurs.store.ReportQueries;
import fr.esms.indicateurs.store.ResultStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The stores and the rules versions shared by every job. */
@Configuration
public class StoreConfiguration {

    /** Each package and each referential load commits on its own, whatever step runs it. */
    @Bean
    TransactionTemplate ownTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    @Bean
    PivotStore pivotStore(JdbcTemplate jdbc, TransactionTemplate ownTransaction,
                          @org.springframework.beans.factory.annotation.Value("${esms.seuil-rejet-fichier:50}")
                          int rejectedShareLimit,
                          @org.springframework.beans.factory.annotation.Value("${esms.ingestion.groupe-octets:-1}")
                          long groupBytes,
                          @org.springframework.beans.factory.annotation.Value("${esms.ingestion.groupes-simultanes:2}")
                          int parallelGroups,
                          @org.springframework.beans.factory.annotation.Value("${esms.ingestion.fils-lecture:-1}")
                          int readers) {
        return new PivotStore(jdbc, ownTransaction, rejectedShareLimit, groupBytes, parallelGroups, readers);
    }

    @Bean
    ReferentialStore referentialStore(JdbcTemplate jdbc, TransactionTemplate ownTransaction) {
        return new ReferentialStore(jdbc, ownTransaction);
    }

    @Bean
    ResultStore resultStore(JdbcTemplate jdbc) {
        return new ResultStore(jdbc);
    }

    @Bean
    ReportQueries reportQueries(JdbcTemplate jdbc) {
        return new ReportQueries(jdbc);
    }

    @Bean
    ProvenanceStore provenanceStore(JdbcTemplate jdbc) {
        return new ProvenanceStore(jdbc);
    }

    /** The base's pseudonymisation key for TDDUI packages: env, named file, or the file beside the base. */
    @Bean
    PseudonymKey pseudonymKey(@org.springframework.beans.factory.annotation.Value("${spring.datasource.url}") String url,
                              @org.springframework.beans.factory.annotation.Value("${esms.pseudonymes.fichier:}")
                              String file) {
        return PseudonymKey.forBase(url, file);
    }

    /**
     * The rules versions of the run: the ARS's folder ({@code --regles}, {@code regles=} of a job definition), else
     * the built-in ones. The command line loads the folder once before starting, so that a wrong file ends the
     * command with its message (exit 2) before anything runs.
     */
    @Bean
    RulesLibrary rulesLibrary(@org.springframework.beans.factory.annotation.Value("${esms.regles:}") String folder) {
        return new RulesLoader().load(folder);
    }

    @Bean
    ClosingStore closingStore(JdbcTemplate jdbc) {
        return new ClosingStore(jdbc);
    }

    @Bean
    ClosedFigures closedFigures(JdbcTemplate jdbc) {
        return new ClosedFigures(jdbc);
    }

    /** The closing commits as one transaction of its own: a revision is stored whole or not at all. */
    @Bean
    MonthClosing monthClosing(ClosingStore closingStore, ClosedFigures closedFigures, ResultStore resultStore,
                              PlatformTransactionManager transactionManager) {
        return new MonthClosing(closingStore, closedFigures, resultStore,
                new TransactionTemplate(transactionManager), java.time.Clock.systemDefaultZone());
    }

    @Bean
    ClosedMonths closedMonths(ClosingStore closingStore, ClosedFigures closedFigures, ResultStore resultStore) {
        return new ClosedMonths(closingStore, closedFigures, resultStore);
    }
}
