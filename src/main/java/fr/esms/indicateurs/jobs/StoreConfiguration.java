package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import fr.esms.indicateurs.referential.CatalogueLoader;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.RulesVersion;
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

/** The stores and the rules version shared by every job. */
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
                          int parallelGroups) {
        return new PivotStore(jdbc, ownTransaction, rejectedShareLimit, groupBytes, parallelGroups);
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

    @Bean
    RulesVersion rulesVersion() {
        return RulesVersion.v2025(new CatalogueLoader().loadDefault2025());
    }

    @Bean
    IndicatorCalculator indicatorCalculator(RulesVersion rulesVersion) {
        return new IndicatorCalculator(rulesVersion);
    }
}
