package fr.esms.indicateurs.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {

    @TempDir
    Path folder;

    @Test
    void aJobScheduledAFewSecondsAheadRunsOnceThenThePlannerStopsCleanly() throws Exception {
        LocalDateTime at = LocalDateTime.now().plusSeconds(2);
        Files.writeString(folder.resolve("nuit.properties"), """
                job=nuit
                planification=%d %d %d * * *
                depot=d
                referentiel=r
                sortie=s
                """.formatted(at.getSecond(), at.getMinute(), at.getHour()));
        List<String> runs = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5_000;

        new Planner(JobDefinition.loadAll(folder), d -> {
            runs.add(d.name() + "@" + LocalDateTime.now().withNano(0));
            return 0;
        }, Clock.systemDefaultZone()).run(() -> System.currentTimeMillis() > deadline);

        assertThat(runs).containsExactly("nuit@" + at.withNano(0));
    }

    @Test
    void aDefinitionWithABadScheduleOrJobIsRefusedWithItsFileNamed() throws Exception {
        Path bad = folder.resolve("x.properties");
        Files.writeString(bad, "job=nuit\nplanification=tous les jours\n");
        assertThatThrownBy(() -> JobDefinition.load(bad)).hasMessageContaining("x.properties")
                .hasMessageContaining("planification « tous les jours » invalide");
        Files.writeString(bad, "job=hebdo\nplanification=0 0 1 * * *\n");
        assertThatThrownBy(() -> JobDefinition.load(bad)).hasMessageContaining("job « hebdo » inconnu");
    }

    @Test
    void theShippedDefinitionsLoad() {
        List<JobDefinition> shipped = JobDefinition.loadAll(Path.of("jobs"));
        assertThat(shipped).extracting(JobDefinition::name).containsExactly("mensuel-ars", "nuit");
        assertThat(shipped.get(0).kind()).isEqualTo(JobDefinition.Kind.MENSUEL_ARS);
        // The 11th at 6:00, the day after the editors' deadline: the month computed is the complete one.
        assertThat(shipped.get(0).schedule().next(LocalDateTime.of(2026, 11, 22, 12, 0)))
                .isEqualTo(LocalDateTime.of(2026, 12, 11, 6, 0));
    }
}
