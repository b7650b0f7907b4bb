package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.referential.RulesLoader;
import fr.esms.indicateurs.solde.SoldeFixture;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code solde} of a project measured under the 2022 rules: its amounts depend on the Ségur referencing of its
 * software, which projets.csv gives; without it the solde is refused; the canonical CSV names 2022 and its
 * fingerprint. The fixture's P-ATTEINT (2 ESSMS reaching every target) is made a 2022 project.
 */
@SpringBootTest(classes = EsmsIndicateursApplication.class)
@TestPropertySource(properties = "spring.datasource.url=" + SoldeRulesVersionTest.BASE)
class SoldeRulesVersionTest {

    static final String BASE = "jdbc:h2:mem:solde-regles;DB_CLOSE_DELAY=-1";
    static final String FP_2022 = new RulesLoader().builtIn().find("2022").orElseThrow().fingerprint();

    @Autowired
    PivotStore pivotStore;

    @Autowired
    ReferentialStore referentialStore;

    @TempDir
    Path output;

    record Run(int exitCode, String out, String err) {
    }

    /** The fixture, with P-ATTEINT under the 2022 rules and this referencing of its software. */
    private void load(Boolean segurReferenced) {
        SoldeFixture.load(pivotStore, referentialStore);
        Referential fixture = SoldeFixture.referential();
        List<Project> projects = fixture.projects().stream().map(p -> !p.projetId().equals("P-ATTEINT") ? p
                : new Project(p.projetId(), p.intitule(), p.finessEjPorteur(), p.typeFinancement(),
                p.dateConvention(), p.dateFinDeploiement(), "2022", segurReferenced)).toList();
        referentialStore.replace(new Referential(fixture.essms(), projects, fixture.declared(), List.of(),
                List.of()));
    }

    Run solde(String... options) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("solde", "--sortie", output.toString(), "--base", BASE,
                "--projet", "P-ATTEINT", "--mois", "2026-10"));
        args.addAll(List.of(options));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aReferencedSoftwareIsPaid21500PerEssms() throws Exception {
        load(true);

        Run run = solde();

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 2 x (7 000 + 14 500) = 43 000, half at the convention.
        assertThat(run.out()).contains("Montant total 43 000 € (usage 14 000 €, équipement 29 000 €), avance "
                + "21 500 €, solde 21 500 €, solde à verser 21 500 €");
        List<String> csv = Files.readAllLines(output.resolve("solde/P-ATTEINT_2026-10.csv"));
        assertThat(csv.get(1)).startsWith("PROJET;P-ATTEINT;2026-10;2022;" + FP_2022 + ";");
        assertThat(csv).filteredOn(l -> l.startsWith("ESSMS;")).allMatch(l -> l.endsWith(";7000;14500;21500;;;;"));
    }

    @Test
    void aSoftwareNotReferencedIsPaid19000PerEssms() {
        load(false);

        Run run = solde();

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 2 x (7 000 + 12 000) = 38 000.
        assertThat(run.out()).contains("Montant total 38 000 € (usage 14 000 €, équipement 24 000 €), avance "
                + "19 000 €, solde 19 000 €, solde à verser 19 000 €");
    }

    @Test
    void withoutTheReferencingTheSoldeIsRefused() {
        load(null);

        Run run = solde();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ERREUR : les montants ACQUISITION des règles 2022 dépendent du "
                + "référencement Ségur du logiciel choisi, que projets.csv ne donne pas : renseignez la colonne "
                + "logiciel_reference_segur (OUI ou NON) du projet, relancez executer, puis solde",
                "Rien n'a été écrit.");
        assertThat(output.resolve("solde")).doesNotExist();
    }

    @Test
    void aRulesFolderWithoutTheProjectsVersionIsRefused() throws Exception {
        load(true);
        Path rules = Files.createDirectories(output.resolve("regles"));
        Path source = Path.of("src/main/resources/regles/2025");
        Files.createDirectories(rules.resolve("2025"));
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve("2025").resolve(f.getFileName().toString()));
            }
        }

        Run run = solde("--regles", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ERREUR : projet P-ATTEINT : version de règles « 2022 » inconnue (versions "
                + "connues : 2025) — donnez --regles avec le dossier qui la contient, ou corrigez version_regles "
                + "dans projets.csv");
        assertThat(output.resolve("solde")).doesNotExist();
    }
}
