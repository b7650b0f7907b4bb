package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.closing.Closing;
import fr.esms.indicateurs.closing.MonthClosing;
import fr.esms.indicateurs.closing.RevisionChange;
import fr.esms.indicateurs.closing.RevisionDiff;
import fr.esms.indicateurs.jobs.RunLock;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "cloturer", mixinStandardHelpOptions = true,
        description = {"Clôture un mois de mesure tel que la base le montre (résultats du dernier executer) : une "
                + "révision figée, jamais modifiée ensuite (résultats, aménagements appliqués ou refusés, paquets, "
                + "version et empreinte des règles, auteur, date). Clôturer à nouveau crée la révision suivante.",
                "Écrit SORTIE/clotures/AAAA-MM_rN.csv et son empreinte .sha256 ; à partir de la révision 2, "
                        + "l'écart avec la précédente : AAAA-MM_r(N-1)_rN.csv.",
                "Avant de figer, liste les ESSMS sans données ou dont les données sont arrivées après la date "
                        + "limite, et refuse de clôturer sans --malgre-manquants."},
        exitCodeListHeading = "Codes de sortie :%n",
        exitCodeList = {"0:révision enregistrée",
                "1:échec (relancer la même commande ; rien n'est enregistré à moitié)",
                "2:demande invalide ou aucun résultat calculé pour ce mois et cette fenêtre : rien n'est figé",
                "3:mois incomplet (ESSMS sans données ou en retard) : rien n'est figé ; relancer avec "
                        + "--malgre-manquants pour clôturer quand même"})
public class CloturerCommand implements Callable<Integer> {

    static final int INCOMPLETE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--mois", required = true, paramLabel = "AAAA-MM", description = "Mois de mesure à clôturer.")
    String month;

    @Option(names = "--fenetre", defaultValue = "1", paramLabel = "N",
            description = "Fenêtre en mois, celle du executer dont les résultats sont figés (défaut : 1).")
    int windowMonths;

    @Option(names = "--commentaire", paramLabel = "TEXTE", description = "Commentaire gardé avec la révision.")
    String comment;

    @Option(names = "--malgre-manquants",
            description = "Clôturer même si des ESSMS n'ont pas de données ou ont des données en retard.")
    boolean despiteMissing;

    @Option(names = "--jour-limite", defaultValue = "10", paramLabel = "J",
            description = "Jour du mois suivant jusqu'auquel un paquet arrivé est à l'heure (défaut : 10).")
    int lateDay;

    @Option(names = "--sortie", required = true, paramLabel = "DOSSIER",
            description = "Dossier des résultats ; les fichiers de clôture vont dans son sous-dossier clotures/.")
    Path output;

    @Option(names = "--base", paramLabel = "URL_JDBC", description = "Base de données (défaut : H2 dans ./data/).")
    String database;

    @Override
    public Integer call() {
        MeasureWindow window = window();
        if (lateDay < 1 || lateDay > 31) {
            throw new ParameterException(spec.commandLine(), "--jour-limite " + lateDay + " : jour de 1 à 31 attendu");
        }
        try (ConfigurableApplicationContext context = Database.start(database)) {
            MonthClosing.Request request = new MonthClosing.Request(window, comment, despiteMissing, lateDay, output,
                    System.getProperty("user.name", "inconnu"));
            return run(context.getBean(MonthClosing.class), context.getBean(RunLock.class), request,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** Closes while holding the run lock (no executer may change the results meanwhile); prints in French. */
    static int run(MonthClosing closing, RunLock lock, MonthClosing.Request request, PrintWriter out,
                   PrintWriter err) {
        MonthClosing.Outcome outcome;
        try (RunLock.Held held = lock.acquire()) {
            outcome = closing.close(request);
        }
        MeasureWindow w = request.window();
        String what = w.month() + " (fenêtre de " + w.months() + " mois)";
        if (outcome instanceof MonthClosing.NothingComputed) {
            err.println("ERREUR : aucun résultat calculé pour " + what + " : lancez d'abord executer --mois "
                    + w.month() + " --fenetre " + w.months() + ", puis cloturer. Rien n'est figé.");
            err.flush();
            return 2;
        }
        if (outcome instanceof MonthClosing.Incomplete incomplete) {
            err.println("Clôture de " + what + " suspendue : le mois n'est pas complet.");
            incomplete.completeness().lines().forEach(line -> err.println("  " + line));
            err.println("Rien n'est figé. Attendez les exports manquants, ou relancez avec --malgre-manquants "
                    + "pour clôturer quand même (la révision le gardera).");
            err.flush();
            return INCOMPLETE;
        }
        MonthClosing.Closed closed = (MonthClosing.Closed) outcome;
        Closing c = closed.closing();
        closed.completeness().lines().forEach(line -> out.println("Attention : " + line));
        out.println("Révision " + c.revision() + " de " + what + " enregistrée : " + c.essms() + " ESSMS, "
                + c.rows() + " lignes, règles " + c.rulesVersion() + ", par " + c.closedBy() + ".");
        out.println("Fichier : " + closed.csv() + " (SHA-256 " + c.sha256() + ")");
        if (closed.diff() != null) {
            long flips = closed.changes().stream().filter(RevisionChange::attainmentFlips).count();
            out.println("Écart avec la révision " + (c.revision() - 1) + " : " + closed.changes().size()
                    + " ligne(s) modifiée(s) pour " + RevisionDiff.essmsCount(closed.changes()) + " ESSMS, dont "
                    + flips + " changement(s) d'atteinte : " + closed.diff());
        }
        out.flush();
        return 0;
    }

    private MeasureWindow window() {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--mois " + month + " : mois attendu au format AAAA-MM");
        }
        if (windowMonths < 1 || windowMonths > 12) {
            throw new ParameterException(spec.commandLine(), "--fenetre " + windowMonths + " : de 1 à 12 mois");
        }
        return new MeasureWindow(m, windowMonths);
    }
}
