package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code executer --archiver}: the dépôt as an inbox that files every package away and never deletes one. */
@SpringBootTest(classes = EsmsIndicateursApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:inbox;DB_CLOSE_DELAY=-1")
class InboxTest {

    @Autowired
    ExecuterLauncher executer;

    @TempDir
    Path work;

    @Test
    void processedPackagesAreArchivedAndRejectedOrDuplicatePackagesQuarantinedWithAnExplanation() throws Exception {
        Path depot = work.resolve("depot");
        copy(Path.of("sample-data/depot"), depot);
        ExecuterLauncher.Request request = new ExecuterLauncher.Request(depot,
                Path.of("sample-data/referentiel"), YearMonth.of(2026, 10), 1, work.resolve("sortie"), true);

        assertThat(executer.run(request).status()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(names(depot)).containsExactly("archive");
        assertThat(names(depot.resolve("archive"))).containsExactly("cortex_420790172_2026-10",
                "cortex_420790172_2026-10_correctif", "cortex_730792181_2026-10.zip", "logivie_690793054_2026-09",
                "logivie_690793054_2026-10.zip");
        assertThat(Files.readAllLines(work.resolve("sortie/indicateurs/2026-10.csv")))
                .containsExactlyElementsOf(Files.readAllLines(
                        Path.of("src/test/resources/attendu/indicateurs-2026-10-fenetre-1.csv")));

        // The same content under another name, and a package without manifest, are dropped in the dépôt.
        copy(depot.resolve("archive/cortex_420790172_2026-10"), depot.resolve("renvoi_identique"));
        Files.createDirectories(depot.resolve("sans_manifeste"));
        Files.writeString(depot.resolve("sans_manifeste/usagers.csv"), "finess;usager_id;date_entree\n");

        RunSummary second = executer.run(new ExecuterLauncher.Request(depot, Path.of("sample-data/referentiel"),
                YearMonth.of(2026, 10), 1, work.resolve("sortie2"), true));

        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(names(depot)).containsExactly("archive", "quarantaine");
        assertThat(names(depot.resolve("quarantaine"))).containsExactly("renvoi_identique",
                "renvoi_identique.LISEZMOI.txt", "sans_manifeste", "sans_manifeste.LISEZMOI.txt");
        assertThat(Files.readString(depot.resolve("quarantaine/renvoi_identique.LISEZMOI.txt")))
                .contains("Paquet : renvoi_identique")
                .contains("contenu identique à un paquet déjà traité sous le nom cortex_420790172_2026-10");
        assertThat(Files.readString(depot.resolve("quarantaine/sans_manifeste.LISEZMOI.txt")))
                .contains("export.csv");
        // Nothing was counted twice.
        assertThat(Files.readAllLines(work.resolve("sortie2/indicateurs/2026-10.csv")))
                .containsExactlyElementsOf(Files.readAllLines(work.resolve("sortie/indicateurs/2026-10.csv")));
    }

    private static java.util.List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
