package fr.esms.indicateurs.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generer --memes-personnes} on the files: September's and October's packages of one organisme
 * gestionnaire resend the same stays, records and projects, less the stays that ended in September, plus as many
 * entries in October; without the option, the stays are drawn anew each month.
 */
class SamePersonsDatasetTest {

    private static final String FOLDER = "export_010000016_2026-";

    @TempDir
    Path work;

    private Path generate(boolean samePersons) throws IOException {
        Path out = work.resolve(samePersons ? "memes" : "defaut");
        new DatasetGenerator(new DatasetGenerator.Settings(5, YearMonth.of(2026, 10), 2, 42, 0, 0.0, List.of(),
                samePersons)).write(out);
        return out.resolve("depot");
    }

    private static List<String[]> rows(Path depot, String month, String file) throws IOException {
        return Files.readAllLines(depot.resolve(FOLDER + month).resolve(file)).stream().skip(1)
                .map(l -> l.split(";", -1)).toList();
    }

    /** The stay keys (finess, usager_id, date_entree) of a month's usagers.csv. */
    private static Set<String> stays(List<String[]> usagers) {
        return usagers.stream().map(r -> r[0] + ";" + r[1] + ";" + r[2]).collect(Collectors.toSet());
    }

    @Test
    void october_resends_septembers_stays_less_the_exits_plus_as_many_entries() throws IOException {
        Path depot = generate(true);
        List<String[]> september = rows(depot, "09", "usagers.csv");
        List<String[]> october = rows(depot, "10", "usagers.csv");
        Set<String> exited = september.stream().filter(r -> !r[3].isEmpty())
                .map(r -> r[0] + ";" + r[1] + ";" + r[2]).collect(Collectors.toSet());
        assertThat(exited).isNotEmpty();
        assertThat(september).filteredOn(r -> !r[3].isEmpty()).allSatisfy(r -> assertThat(r[3]).startsWith("2026-09"));

        Set<String> kept = new HashSet<>(stays(september));
        kept.removeAll(exited);
        Set<String> entered = new HashSet<>(stays(october));
        entered.removeAll(kept);
        assertThat(stays(october)).containsAll(kept).doesNotContainAnyElementsOf(exited);
        // one entry per exit of the ESSMS, dated in October, with a new id
        for (String finess : september.stream().map(r -> r[0]).collect(Collectors.toSet())) {
            long out = exited.stream().filter(s -> s.startsWith(finess)).count();
            assertThat(entered.stream().filter(s -> s.startsWith(finess))).hasSize((int) out);
        }
        Set<String> septemberIds = september.stream().map(r -> r[0] + ";" + r[1]).collect(Collectors.toSet());
        assertThat(entered).allSatisfy(s -> {
            assertThat(s.split(";")[2]).startsWith("2026-10");
            assertThat(septemberIds).doesNotContain(s.substring(0, s.lastIndexOf(';')));
        });
        assertThat(october).hasSameSizeAs(september);

        // the records and projects follow their persons: D<n> of U<n>, PP<n> of D<n>
        for (String month : List.of("09", "10")) {
            Set<String> persons = rows(depot, month, "usagers.csv").stream().map(r -> r[0] + ";" + r[1].substring(1))
                    .collect(Collectors.toSet());
            assertThat(rows(depot, month, "dossiers.csv")).allSatisfy(r -> {
                assertThat(r[2]).isEqualTo("U" + r[1].substring(1));
                assertThat(persons).contains(r[0] + ";" + r[1].substring(1));
            });
            assertThat(rows(depot, month, "projets_personnalises.csv"))
                    .allSatisfy(r -> assertThat(r[2]).isEqualTo("PP" + r[1].substring(1)));
            assertThat(rows(depot, month, "agenda.csv"))
                    .allSatisfy(r -> assertThat(r[3]).startsWith("2026-" + month));
        }
    }

    @Test
    void without_the_option_the_stays_are_drawn_anew_each_month() throws IOException {
        Path depot = generate(false);
        Set<String> common = new HashSet<>(stays(rows(depot, "09", "usagers.csv")));
        common.retainAll(stays(rows(depot, "10", "usagers.csv")));
        // same usager_id, but an entry date counted back from each month's first day: no stay key in common
        assertThat(common).isEmpty();
    }
}
