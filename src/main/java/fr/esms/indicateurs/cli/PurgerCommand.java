package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.store.RetentionPurge;
import fr.esms.indicateurs.store.SegmentCompaction;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "purger", mixinStandardHelpOptions = true,
        description = "Minimisation des données : supprime les données individuelles (séjours terminés, événements, "
                + "messages, documents…) antérieures aux N derniers mois ; les indicateurs mensuels sont conservés.")
public class PurgerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--conserver-mois", required = true, paramLabel = "N",
            description = "Nombre de mois conservés, le mois en cours compris (au moins 7 : la fenêtre la plus "
                    + "longue du solde est de 6 mois).")
    int months;

    @Option(names = "--base", paramLabel = "URL_JDBC", description = "Base de données (défaut : H2 dans ./data/).")
    String database;

    @Override
    public Integer call() {
        if (months < 7) {
            throw new ParameterException(spec.commandLine(), "--conserver-mois " + months
                    + " : au moins 7 mois (fenêtre de 6 mois du solde + mois en cours)");
        }
        YearMonth firstKept = YearMonth.now().minusMonths(months - 1L);
        try (ConfigurableApplicationContext context = Database.start(database)) {
            Map<String, Integer> deleted = new RetentionPurge(context.getBean(JdbcTemplate.class),
                    context.getBean("ownTransaction", TransactionTemplate.class)).purgeBefore(firstKept);
            spec.commandLine().getOut().println("Données individuelles antérieures à " + firstKept + " supprimées :");
            deleted.forEach((table, n) -> spec.commandLine().getOut().printf("  %-20s %d ligne(s)%n", table, n));
            SegmentCompaction.Summary compaction = new SegmentCompaction(context.getBean(JdbcTemplate.class),
                    context.getBean("ownTransaction", TransactionTemplate.class)).compactAll();
            spec.commandLine().getOut().printf("Compactage : %d ESSMS, %d segments de photos réunis, %d lignes lues,"
                    + " %d gardées%n", compaction.essms(), compaction.segmentsReplaced(), compaction.rowsBefore(),
                    compaction.rowsAfter());
            return 0;
        }
    }
}
