package fr.esms.indicateurs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "esms-indicateurs", mixinStandardHelpOptions = true, version = "esms-indicateurs 0.1.0",
        resourceBundle = "fr.esms.indicateurs.cli.messages",
        description = "Indicateurs d'usage du DUI du programme ESMS numérique (cibles d'usage, solde).",
        subcommands = {ExecuterCommand.class, SoldeCommand.class, LancerCommand.class, PlanifierCommand.class,
                HistoriqueCommand.class, CloturerCommand.class, PurgerCommand.class, DonneesCommand.class,
                GenererCommand.class, ConsoliderCommand.class,
                ProfilsCommand.class})
public class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
