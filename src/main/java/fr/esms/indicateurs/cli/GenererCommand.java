package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.generate.DatasetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;

@Command(name = "generer", mixinStandardHelpOptions = true,
        description = "Génère un jeu de données synthétique et reproductible au format pivot (référentiel + dépôt), "
                + "pour les essais de volume.")
public class GenererCommand implements Callable<Integer> {

    /** Two characters, as the FINESS numbers of the generator start with: DROM numbers are not generated. */
    private static final Pattern DEPARTEMENT = Pattern.compile("0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B");

    @Spec
    CommandSpec spec;

    @Option(names = "--essms", defaultValue = "2500", description = "Nombre d'ESSMS (défaut : ${DEFAULT-VALUE}).")
    int essms;

    @Option(names = "--mois", defaultValue = "2026-10", paramLabel = "AAAA-MM",
            description = "Dernier mois exporté (défaut : ${DEFAULT-VALUE}).")
    String month;

    @Option(names = "--nombre-mois", defaultValue = "1", description = "Nombre de mois exportés (défaut : ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--graine", defaultValue = "42", description = "Graine du hasard (défaut : ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zip-un-sur", defaultValue = "10", paramLabel = "N",
            description = "Un paquet sur N est un .zip ; 0 : aucun (défaut : ${DEFAULT-VALUE}).")
    int zipEvery;

    @Option(names = "--departements", split = ",", paramLabel = "CODES",
            description = "Départements où répartir les ESSMS, séparés par des virgules (ex. 35,22,29,56 pour une "
                    + "seule région) ; par défaut les 95 départements métropolitains.")
    List<String> departements = List.of();

    @Option(names = "--format", defaultValue = "pivot", paramLabel = "pivot|tddui",
            description = "Format des paquets : pivot (CSV) ou tddui (Bundle FHIR R4 du guide « Transfert de données"
                    + " DUI », avec à côté mss.csv, dmp.csv et les compteurs qu'il ne porte pas) (défaut :"
                    + " ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--memes-personnes",
            description = "Chaque ESSMS garde ses usagers d'un mois à l'autre (mêmes usager_id, dossier_id, pp_id ;"
                    + " environ 2 %% de sorties par mois, remplacées par autant d'entrées), comme des exports réels ;"
                    + " sans l'option, les séjours de chaque mois sont tirés à nouveau.")
    boolean samePersons;

    @Option(names = "--sortie", required = true, paramLabel = "DOSSIER",
            description = "Dossier où écrire referentiel/ et depot/.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (essms < 1 || months < 1) {
            throw new ParameterException(spec.commandLine(), "--essms et --nombre-mois doivent être positifs");
        }
        YearMonth last;
        try {
            last = YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--mois " + month + " : mois attendu au format AAAA-MM");
        }
        for (String departement : departements) {
            if (!DEPARTEMENT.matcher(departement).matches()) {
                throw new ParameterException(spec.commandLine(), "--departements " + departement
                        + " : code de département attendu sur deux chiffres (01 à 95, 2A, 2B)");
            }
        }
        DatasetGenerator.Format packages = switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "pivot" -> DatasetGenerator.Format.PIVOT;
            case "tddui" -> DatasetGenerator.Format.TDDUI;
            default -> throw new ParameterException(spec.commandLine(), "--format " + format
                    + " : pivot ou tddui attendu");
        };
        long start = System.nanoTime();
        DatasetGenerator.Summary summary = new DatasetGenerator(
                new DatasetGenerator.Settings(essms, last, months, seed, zipEvery, 0.001, departements,
                        samePersons), packages)
                .write(output);
        spec.commandLine().getOut().printf("Généré dans %s : %d ESSMS, %d paquets, %d lignes en %.1f s%n", output,
                summary.essms(), summary.packages(), summary.rows(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
