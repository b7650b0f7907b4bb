package fr.esms.indicateurs.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs job definitions on their schedules, one at a time, until asked to stop. A run that is due while another
 * is running starts after it; a time missed while the planner was stopped is not caught up (the next night
 * ingests everything new anyway).
 */
public final class Planner {

    /** Runs one definition; returns the process exit code of that run. */
    @FunctionalInterface
    public interface Runner {
        int run(JobDefinition definition);
    }

    private static final Logger log = LoggerFactory.getLogger(Planner.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final List<JobDefinition> definitions;
    private final Runner runner;
    private final Clock clock;

    public Planner(List<JobDefinition> definitions, Runner runner, Clock clock) {
        this.definitions = definitions;
        this.runner = runner;
        this.clock = clock;
    }

    public void run(BooleanSupplier stopRequested) throws InterruptedException {
        Map<String, LocalDateTime> next = new HashMap<>();
        LocalDateTime now = LocalDateTime.now(clock);
        for (JobDefinition d : definitions) {
            next.put(d.name(), d.schedule().next(now));
            log.info("Job {} ({}) : prochaine exécution le {}", d.name(), d.kind().code(), next.get(d.name()));
        }
        while (!stopRequested.getAsBoolean()) {
            now = LocalDateTime.now(clock);
            for (JobDefinition d : definitions) {
                LocalDateTime due = next.get(d.name());
                if (due != null && !due.isAfter(now) && !stopRequested.getAsBoolean()) {
                    log.info("Lancement du job {} prévu à {}", d.name(), due);
                    int code = runner.run(d);
                    log.info("Job {} terminé (code de sortie {})", d.name(), code);
                    next.put(d.name(), d.schedule().next(LocalDateTime.now(clock)));
                    log.info("Job {} : prochaine exécution le {}", d.name(), next.get(d.name()));
                }
            }
            Thread.sleep(TICK.toMillis());
        }
        log.info("Planificateur arrêté proprement.");
    }
}
