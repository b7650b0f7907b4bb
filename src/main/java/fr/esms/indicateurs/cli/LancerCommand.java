package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.JobDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "lancer", mixinStandardHelpOptions = true,
        description = "Lance maintenant un job défini dans jobs/ (pour cron ou un timer systemd).")
public class LancerCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DEFINITION", description = "Fichier de définition, ex. jobs/nuit.properties")
    Path definition;

    @Override
    public Integer call() {
        return PlanifierCommand.runOnce(JobDefinition.load(definition));
    }
}
