package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.RunHistory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "historique", mixinStandardHelpOptions = true,
        description = "Liste les derniers traitements : date, job, statut, paquets, lignes, durée.")
public class HistoriqueCommand implements Callable<Integer> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--nombre", defaultValue = "20", description = "Nombre de traitements (défaut : ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--base", paramLabel = "URL_JDBC", description = "Base de données (défaut : H2 dans ./data/).")
    String database;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Database.start(database)) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-6s %-19s %-10s %-10s %8s %10s %8s %9s  %s%n", "n°", "début", "job", "statut", "paquets",
                    "lignes", "ESSMS", "durée", "paramètres");
            for (RunHistory.Run run : context.getBean(RunHistory.class).latest(count)) {
                out.printf("%-6d %-19s %-10s %-10s %8d %10d %8d %8ds  %s%s%n", run.executionId(),
                        run.start() == null ? "" : DATE.format(run.start()), run.job(), run.status(), run.packages(),
                        run.rowsRead(), run.essmsWritten(), run.duration().toSeconds(), run.parameters(),
                        run.exitDescription() == null || run.exitDescription().isBlank() ? ""
                                : System.lineSeparator() + "       " + firstLine(run.exitDescription()));
            }
            out.flush();
            return 0;
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
