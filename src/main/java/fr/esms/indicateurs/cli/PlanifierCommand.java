package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.DefinitionLauncher;
import fr.esms.indicateurs.jobs.InvalidJobFileException;
import fr.esms.indicateurs.jobs.JobDefinition;
import fr.esms.indicateurs.jobs.Planner;
import fr.esms.indicateurs.jobs.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "planifier", mixinStandardHelpOptions = true,
        description = "Reste actif et lance les jobs de jobs/ à leurs horaires, un à la fois ; s'arrête proprement "
                + "sur SIGTERM (le job en cours se termine d'abord).")
public class PlanifierCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(PlanifierCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--jobs", defaultValue = "jobs", paramLabel = "DOSSIER",
            description = "Dossier des définitions de jobs (défaut : ${DEFAULT-VALUE}).")
    Path folder;

    @Override
    public Integer call() throws Exception {
        List<JobDefinition> definitions;
        try {
            definitions = JobDefinition.loadAll(folder);
        } catch (InvalidJobFileException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (definitions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "aucune définition de job (*.properties) dans "
                    + folder);
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("Arrêt demandé : fin du job en cours puis arrêt.");
            stop.set(true);
            try {
                stopped.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "arret-planificateur");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new Planner(definitions, PlanifierCommand::runOnce, Clock.systemDefaultZone()).run(stop::get);
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    /** One run of a definition, with its own application context on the definition's database. */
    static int runOnce(JobDefinition definition) {
        String rulesFolder = definition.optional(JobDefinition.RULES_KEY);
        String referential = definition.optional("referentiel");
        try {
            RulesCheck.load(rulesFolder, referential == null ? null : Path.of(referential));
        } catch (fr.esms.indicateurs.referential.RulesException e) {
            log.error("Job {} refusé, rien n'est calculé : {}", definition.name(), e.getMessage());
            return RunSummary.USAGE;
        }
        try (ConfigurableApplicationContext context = Database.start(definition.optional("base"), rulesFolder)) {
            RunSummary summary = context.getBean(DefinitionLauncher.class).run(definition, Clock.systemDefaultZone());
            summary.lines().forEach(log::info);
            if (summary.failure() != null) {
                log.error("Job {} en échec : {}", definition.name(), summary.failure());
            }
            return summary.exitCode();
        } catch (Exception e) {
            log.error("Job {} en échec : {}", definition.name(), Messages.explain(e));
            return RunSummary.FAILURE;
        }
    }
}
