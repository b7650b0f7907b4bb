package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.consolidation.Consolidation;
import fr.esms.indicateurs.consolidation.ConsolidationException;
import fr.esms.indicateurs.consolidation.InstallationOutput;
import fr.esms.indicateurs.consolidation.InstallationReader;
import fr.esms.indicateurs.consolidation.Regions;
import fr.esms.indicateurs.jobs.RunSummary;
import fr.esms.indicateurs.report.NationalWorkbookWriter;
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

@Command(name = "consolider", mixinStandardHelpOptions = true,
        description = "Consolide les sorties de plusieurs installations régionales pour un mois et écrit le classeur "
                + "national (régions, secteurs, éditeurs, organismes gestionnaires).",
        exitCodeListHeading = "Codes de sortie :%n",
        exitCodeList = {"0:succès", "1:entrées refusées (fenêtres ou versions des règles différentes, fichier "
                + "illisible)", "2:paramètres invalides"})
public class ConsoliderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--entree", required = true, paramLabel = "DOSSIER",
            description = "Dossier de sortie d'une installation (avec indicateurs/ ou clotures/ et le référentiel "
                    + "essms.csv dans referentiel/, dans le dossier ou dans ../referentiel/). Répéter l'option pour "
                    + "chaque installation.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--mois", required = true, paramLabel = "AAAA-MM", description = "Mois de mesure.")
    String month;

    @Option(names = "--sortie", required = true, paramLabel = "DOSSIER",
            description = "Dossier où écrire national/consolidation_AAAA-MM.xlsx.")
    Path output;

    @Override
    public Integer call() throws Exception {
        YearMonth measureMonth;
        try {
            measureMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--mois " + month + " : mois attendu au format AAAA-MM");
        }
        PrintWriter out = spec.commandLine().getOut();
        Consolidation consolidation;
        try {
            InstallationReader reader = new InstallationReader();
            List<InstallationOutput> read = new ArrayList<>();
            for (Path input : inputs) {
                InstallationOutput installation = reader.read(input, measureMonth);
                out.printf("Entrée %s : %s, %d ESSMS%n", installation.name(), installation.source(),
                        installation.figures().size());
                read.add(installation);
            }
            consolidation = Consolidation.of(measureMonth, read, Regions.load());
        } catch (ConsolidationException e) {
            out.flush();
            spec.commandLine().getErr().println("ERREUR : " + e.getMessage());
            spec.commandLine().getErr().flush();
            return RunSummary.FAILURE;
        }
        Path workbook = new NationalWorkbookWriter().write(consolidation, output);
        consolidation.warnings().forEach(w -> out.println("Avertissement : " + w));
        out.printf("Consolidé : %d ESSMS de %d installation(s), %d présent(s) dans plusieurs entrées (comptés une "
                        + "fois), %d DUI actifs ; classeur national : %s%n", consolidation.essms(),
                consolidation.inputs().size(), consolidation.overlaps().size(), consolidation.nation().duiActifs(),
                workbook);
        out.flush();
        return RunSummary.SUCCESS;
    }
}
