package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.closing.Closing;
import fr.esms.indicateurs.jobs.RunHistory;
import fr.esms.indicateurs.store.ClosingStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "historique", mixinStandardHelpOptions = true,
        description = {"Liste les derniers traitements : date, job, statut, paquets, lignes, durée.",
                "Avec --clotures : les clôtures de mois et leurs révisions."})
public class HistoriqueCommand implements Callable<Integer> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--nombre", defaultValue = "20", description = "Nombre de traitements (défaut : ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--clotures", description = "Lister les clôtures et révisions (mois, fenêtre, révision, date, "
            + "auteur, ESSMS, lignes, empreinte, commentaire) au lieu des traitements.")
    boolean closings;

    @Option(names = "--base", paramLabel = "URL_JDBC", description = "Base de données (défaut : H2 dans ./data/).")
    String database;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Database.start(database)) {
            PrintWriter out = spec.commandLine().getOut();
            if (closings) {
                printClosings(context.getBean(ClosingStore.class).all(), out);
                out.flush();
                return 0;
            }
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

    static void printClosings(List<Closing> closings, PrintWriter out) {
        if (closings.isEmpty()) {
            out.println("Aucun mois clôturé.");
            return;
        }
        out.printf("%-7s %-7s %-8s %-19s %-12s %6s %7s  %-16s %s%n", "mois", "fenêtre", "révision", "clôturé le",
                "par", "ESSMS", "lignes", "SHA-256", "commentaire");
        for (Closing c : closings) {
            String note = c.despiteMissing() ? "[malgré " + c.noData().size() + " sans données, " + c.late().size()
                    + " en retard] " : "";
            out.printf("%-7s %-7s %-8d %-19s %-12s %6d %7d  %-16s %s%n", c.window().month(),
                    c.window().months() + " mois", c.revision(), DATE.format(c.closedAt()), c.closedBy(), c.essms(),
                    c.rows(), c.sha256().substring(0, 16), (note + (c.comment() == null ? "" : c.comment())).strip());
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
