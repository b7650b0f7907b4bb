package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.SoldeLauncher;
import fr.esms.indicateurs.jobs.WorkbookPassword;
import fr.esms.indicateurs.solde.SoldeCalculation;
import fr.esms.indicateurs.solde.SoldeRefusal;
import fr.esms.indicateurs.solde.SoldeRules;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

@Command(name = "solde", mixinStandardHelpOptions = true,
        description = {"Établit la preuve du solde d'un projet à la fin d'un mois de mesure, à partir des données et "
                + "du référentiel déjà en base (commande executer) : décision (cibles atteintes ou non), montants, "
                + "preuves.",
                "Écrit SORTIE/solde/<projet>_<AAAA-MM>.xlsx, les chiffres canoniques <projet>_<AAAA-MM>.csv et "
                        + "leur empreinte <projet>_<AAAA-MM>.sha256 (vérifiable par sha256sum -c).",
                "Pour protéger le classeur par un mot de passe : --mot-de-passe-fichier FICHIER ou la variable "
                        + "d'environnement " + SoldeCommand.PASSWORD_VARIABLE + " (jamais sur la ligne de commande)."},
        exitCodeListHeading = "Codes de sortie :%n",
        exitCodeList = {"0:preuve écrite (que les cibles soient atteintes ou non : voir la décision)",
                "1:échec du traitement (relancer la même commande)",
                "2:demande invalide ou impossible à servir (projet inconnu ou sans ESSMS, aucune donnée, fenêtre "
                        + "hors bornes, mot de passe illisible) : rien n'est écrit"})
public class SoldeCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "ESMS_MOT_DE_PASSE";

    /** Where environment variables come from; tests replace it. */
    static UnaryOperator<String> environment = System::getenv;

    /** {@code password=...} and the like inside a JDBC URL. */
    private static final Pattern URL_SECRET = Pattern.compile("(?i)((?:password|passwd|pwd)=)[^&;]*");

    @Spec
    CommandSpec spec;

    @Option(names = "--projet", required = true, paramLabel = "ID", description = "Identifiant du projet (projets.csv).")
    String projectId;

    @Option(names = "--mois", required = true, paramLabel = "AAAA-MM", description = "Mois de la mesure finale.")
    String month;

    @Option(names = "--fenetre-dui", paramLabel = "N",
            description = "Fenêtre des trois indicateurs DUI, en mois (défaut : celle des règles, 3 mois).")
    String duiMonths;

    @Option(names = "--fenetre-services", paramLabel = "N",
            description = "Fenêtre de MSS et DMP, en mois, choisie par l'ARS : de 3 à 6 (défaut : 3).")
    String servicesMonths;

    @Option(names = "--revision", paramLabel = "N",
            description = "Révision clôturée dont les chiffres sont tirés (défaut : la dernière ; un mois non "
                    + "clôturé est calculé, chiffres provisoires). Voir historique --clotures.")
    Integer revision;

    @Option(names = "--sortie", required = true, paramLabel = "DOSSIER",
            description = "Dossier des résultats ; la preuve va dans son sous-dossier solde/.")
    Path output;

    @Option(names = "--base", paramLabel = "URL_JDBC",
            description = "Base de données (défaut : H2 dans ./data/). Ex. : "
                    + "jdbc:postgresql://127.0.0.1:5432/esms?user=postgres")
    String database;

    @Option(names = "--regles", paramLabel = "DOSSIER",
            description = "Dossier des versions de règles de l'ARS (le même que pour executer) ; défaut : les "
                    + "versions intégrées (2022, 2025).")
    Path rules;

    @Option(names = "--mot-de-passe-fichier", paramLabel = "FICHIER",
            description = "Fichier dont la première ligne est le mot de passe du classeur (chiffrement Excel).")
    Path passwordFile;

    @Override
    public Integer call() throws Exception {
        YearMonth measureMonth = month();
        if (projectId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--projet : identifiant de projet vide");
        }
        if (revision != null && revision < 1) {
            throw new ParameterException(spec.commandLine(), "--revision " + revision + " : la première révision est 1");
        }
        Integer duiAsked = months("--fenetre-dui", duiMonths);
        Integer servicesAsked = months("--fenetre-services", servicesMonths);
        String password = password();
        String rulesFolder = rules == null ? null : rules.toString();
        try {
            RulesCheck.load(rulesFolder, null);
        } catch (fr.esms.indicateurs.referential.RulesException e) {
            spec.commandLine().getErr().println("ERREUR : " + e.getMessage());
            spec.commandLine().getErr().println("Rien n'a été écrit.");
            return fr.esms.indicateurs.jobs.RunSummary.USAGE;
        }
        try (ConfigurableApplicationContext context = Database.start(database, rulesFolder)) {
            SoldeRules rules;
            try {
                rules = context.getBean(SoldeCalculation.class).rulesFor(projectId);
            } catch (SoldeRefusal refusal) {
                spec.commandLine().getErr().println("ERREUR : " + refusal.getMessage());
                spec.commandLine().getErr().println("Rien n'a été écrit.");
                return fr.esms.indicateurs.jobs.RunSummary.USAGE;
            }
            int dui = window("--fenetre-dui", () -> rules.duiWindow(measureMonth, duiAsked).months());
            int services = window("--fenetre-services",
                    () -> rules.servicesWindow(measureMonth, servicesAsked).months());
            SoldeLauncher.Request request = new SoldeLauncher.Request(projectId, measureMonth, dui, services, output,
                    commandLine(), spec.root().version()[0], revision);
            SoldeLauncher.Summary summary = context.getBean(SoldeLauncher.class).run(request, password);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            summary.lines().forEach(out::println);
            out.flush();
            if (summary.exitCode() == 1) {
                err.println("ÉCHEC du traitement (" + summary.status() + ") : " + summary.failure()
                        + System.lineSeparator() + "Corrigez la cause puis relancez la même commande.");
            } else if (summary.refusal() != null) {
                err.println("ERREUR : " + summary.refusal());
                err.println("Rien n'a été écrit.");
            }
            err.flush();
            return summary.exitCode();
        }
    }

    private YearMonth month() {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--mois " + month + " : mois attendu au format AAAA-MM");
        }
    }

    /** A number of months, or null when the option is absent (the rules version's default applies). */
    private Integer months(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), option + " " + value + " : nombre entier de mois attendu");
        }
    }

    private int window(String option, java.util.function.IntSupplier check) {
        try {
            return check.getAsInt();
        } catch (SoldeRefusal refusal) {
            throw new ParameterException(spec.commandLine(), option + " : " + refusal.getMessage());
        }
    }

    /** From the file if given, else from the environment; never from the command line. Null: no password. */
    private String password() {
        return workbookPassword(spec, passwordFile);
    }

    /**
     * The password of the mailed workbooks, as {@code solde} and {@code executer} take it: the first line of
     * {@code --mot-de-passe-fichier}, else {@value #PASSWORD_VARIABLE}; null when neither is given.
     */
    static String workbookPassword(CommandSpec spec, Path passwordFile) {
        if (passwordFile != null) {
            try {
                return WorkbookPassword.read(passwordFile);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--mot-de-passe-fichier " + e.getMessage());
            }
        }
        String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /** The command as typed, for the Preuves sheet: secrets of a JDBC URL masked, arguments quoted for a shell. */
    private String commandLine() {
        return commandLine(spec.root().commandLine().getParseResult().originalArgs());
    }

    static String commandLine(List<String> originalArgs) {
        List<String> args = new ArrayList<>(List.of("java", "-jar", "esms-indicateurs.jar"));
        for (String arg : originalArgs) {
            args.add(quote(URL_SECRET.matcher(arg).replaceAll("$1***")));
        }
        return String.join(" ", args);
    }

    static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
