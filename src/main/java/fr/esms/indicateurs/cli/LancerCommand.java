package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.InvalidJobFileException;
import fr.esms.indicateurs.jobs.JobDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "lancer", mixinStandardHelpOptions = true,
        description = "Lance maintenant un job défini dans jobs/ (pour cron ou un timer systemd).")
public class LancerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DEFINITION", description = "Fichier de définition, ex. jobs/nuit.properties")
    Path definition;

    @Override
    public Integer call() {
        JobDefinition loaded;
        try {
            loaded = JobDefinition.load(definition);
        } catch (InvalidJobFileException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return PlanifierCommand.runOnce(loaded);
    }
}
