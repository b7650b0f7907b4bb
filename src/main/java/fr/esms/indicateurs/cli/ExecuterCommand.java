package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.ExecuterLauncher;
import fr.esms.indicateurs.jobs.ProfileChoice;
import fr.esms.indicateurs.jobs.RunSummary;
import org.springframework.context.ConfigurableApplicationContext;
import fr.esms.indicateurs.ingest.EditorProfile;
import fr.esms.indicateurs.ingest.ProfileException;
import fr.esms.indicateurs.jobs.IngestionTasklet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "executer", mixinStandardHelpOptions = true,
        description = "Ingère le dépôt, calcule les indicateurs du mois pour chaque ESSMS du référentiel et écrit "
                + "les sorties (indicateurs, rejets).",
        exitCodeListHeading = "Codes de sortie :%n",
        exitCodeList = {"0:succès", "1:échec du traitement (relancer la même commande reprend là où il s'est arrêté)",
                "2:paramètres invalides", "3:succès, avec des lignes ou des fichiers rejetés (voir rejets/)"})
public class ExecuterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--depot", required = true, paramLabel = "DOSSIER",
            description = "Dossier des paquets d'export (dossiers ou .zip) au format pivot.")
    Path depot;

    @Option(names = "--referentiel", required = true, paramLabel = "DOSSIER",
            description = "Dossier contenant essms.csv, projets.csv et, s'il y a lieu, amenagements.csv.")
    Path referentiel;

    @Option(names = "--mois", required = true, paramLabel = "AAAA-MM", description = "Mois de mesure.")
    String month;

    @Option(names = "--fenetre", defaultValue = "1", paramLabel = "N",
            description = "Longueur de la fenêtre en mois (défaut : ${DEFAULT-VALUE}).")
    int windowMonths;

    @Option(names = "--sortie", required = true, paramLabel = "DOSSIER", description = "Dossier des résultats.")
    Path output;

    @Option(names = "--archiver",
            description = "Range chaque paquet traité : dans archive/ du dépôt s'il est ingéré, dans quarantaine/ "
                    + "(avec une explication) s'il est rejeté ou déjà traité sous un autre nom. Rien n'est supprimé.")
    boolean fileAway;

    @Option(names = "--profils", paramLabel = "DOSSIER",
            description = "Dossier des profils éditeurs (un fichier .yaml par éditeur) : un paquet qu'un profil "
                    + "reconnaît est lu avec lui, les autres au format pivot.")
    Path profiles;

    @Option(names = "--profil", paramLabel = "NOM",
            description = "Impose ce profil (ou « pivot ») à tous les paquets du dépôt au lieu de les reconnaître.")
    String profile;

    @Option(names = "--regles", paramLabel = "DOSSIER",
            description = "Dossier des versions de règles de l'ARS (un sous-dossier par version : regles.csv, "
                    + "cibles.csv, catalogue-amenagements.csv, montants.csv) ; défaut : les versions intégrées "
                    + "(2022, 2025). Voir docs/regles-versions.md.")
    Path rules;

    @Option(names = "--listes-de-travail",
            description = "Écrit aussi, pour chaque ESSMS qui manque une cible, sa liste de travail (listes/) : les "
                    + "identifiants pseudonymes (usager_id, dossier_id) des personnes qui manquent, avec la raison. "
                    + "Pour l'ESSMS seul, jamais pour l'ARS.")
    boolean workLists;

    @Option(names = "--mot-de-passe-fichier", paramLabel = "FICHIER",
            description = "Fichier dont la première ligne est le mot de passe des classeurs envoyés (classeurs ESSMS,"
                    + " listes de travail, classeur régional ; chiffrement Excel). À défaut, la variable "
                    + "d'environnement " + SoldeCommand.PASSWORD_VARIABLE + " si elle est définie.")
    Path passwordFile;

    @Option(names = "--base", paramLabel = "URL_JDBC",
            description = "Base de données (défaut : H2 dans ./data/). Ex. : "
                    + "jdbc:postgresql://127.0.0.1:5432/esms?user=postgres")
    String database;

    @Override
    public Integer call() throws Exception {
        ExecuterLauncher.Request request = validate();
        String rulesFolder = rules == null ? null : rules.toString();
        fr.esms.indicateurs.rules.RulesLibrary library;
        try {
            library = RulesCheck.load(rulesFolder, referentiel);
        } catch (fr.esms.indicateurs.referential.RulesException e) {
            spec.commandLine().getErr().println("ERREUR : " + e.getMessage());
            spec.commandLine().getErr().println("Rien n'a été calculé.");
            return RunSummary.USAGE;
        }
        String password = password();
        long start = System.nanoTime();
        try (HeapWatch heap = new HeapWatch();
             ConfigurableApplicationContext context = Database.start(database, rulesFolder)) {
            RunSummary summary = context.getBean(ExecuterLauncher.class).run(request, password);
            PrintWriter out = spec.commandLine().getOut();
            out.println(RulesCheck.describe(library, rulesFolder));
            summary.lines().forEach(out::println);
            if (password != null) {
                out.println("Classeurs ESSMS, listes de travail et classeur régional protégés par mot de passe");
            }
            out.printf("Durée : %.1f s ; pic de mémoire (tas) : %d Mio, %d Mio après ramasse-miettes%s%n",
                    (System.nanoTime() - start) / 1e9, heap.peakMebibytes(), heap.peakAfterGcMebibytes(),
                    heap.fullCollections() == 0 ? "" : String.format(" ; données gardées : %d Mio au plus haut des %d "
                            + "collection(s) complète(s)", heap.peakLiveMebibytes(), heap.fullCollections()));
            if (summary.failure() != null || summary.exitCode() == RunSummary.FAILURE) {
                spec.commandLine().getErr().println("ÉCHEC du traitement (" + summary.status() + ") : "
                        + summary.failure() + System.lineSeparator()
                        + "Corrigez la cause puis relancez la même commande : le traitement reprendra là où il "
                        + "s'est arrêté.");
            } else {
                out.println(summary.exitCode() == RunSummary.SUCCESS ? "Terminé : succès."
                        : "Terminé : succès, avec " + summary.rejections() + " rejet(s) (voir rejets/).");
            }
            out.flush();
            return summary.exitCode();
        }
    }

    private ExecuterLauncher.Request validate() {
        YearMonth measureMonth;
        try {
            measureMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--mois " + month + " : mois attendu au format AAAA-MM");
        }
        if (windowMonths < 1 || windowMonths > 12) {
            throw new ParameterException(spec.commandLine(), "--fenetre " + windowMonths
                    + " : fenêtre de 1 à 12 mois attendue");
        }
        if (!Files.isDirectory(depot)) {
            throw new ParameterException(spec.commandLine(), "--depot " + depot + " : dossier introuvable");
        }
        if (!Files.isDirectory(referentiel)) {
            throw new ParameterException(spec.commandLine(), "--referentiel " + referentiel + " : dossier introuvable");
        }
        if (profiles != null && !Files.isDirectory(profiles)) {
            throw new ParameterException(spec.commandLine(), "--profils " + profiles + " : dossier introuvable");
        }
        if (profile != null && profiles == null && !profile.equalsIgnoreCase(EditorProfile.PIVOT_NAME)) {
            throw new ParameterException(spec.commandLine(), "--profil " + profile + " : donner aussi --profils");
        }
        try {
            ProfileChoice.load(profiles == null ? null : profiles.toString(), profile);
        } catch (ProfileException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new ExecuterLauncher.Request(depot, referentiel, measureMonth, windowMonths, output, fileAway,
                profiles, profile, workLists);
    }

    /** From the file if given, else from the environment (as the solde); never from the command line. */
    private String password() {
        return SoldeCommand.workbookPassword(spec, passwordFile);
    }
}
