package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.rules.AmountRow;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.rules.RulesVersion;
import fr.esms.indicateurs.rules.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in rules versions, their fingerprints, and an ARS folder loaded from disk. */
class RulesLoaderTest {

    @TempDir
    Path temp;

    private final RulesLibrary builtIn = new RulesLoader().builtIn();

    @Test
    void theJarHoldsTheVersions2022And2025InForceFromTheirTexts() {
        assertThat(builtIn.versions()).extracting(RulesVersion::code).containsExactly("2022", "2025");
        RulesVersion v2022 = builtIn.find("2022").orElseThrow();
        RulesVersion v2025 = builtIn.find("2025").orElseThrow();
        assertThat(v2025.inForceFrom()).isEqualTo(LocalDate.of(2025, 4, 16));
        assertThat(v2022.inForceFrom()).isEqualTo(LocalDate.of(2022, 3, 15));
        assertThat(v2025.reference()).contains("2025/40");
        // The 2022 texts fix neither targets nor windows: the 2025 values hold.
        for (RulesVersion v : List.of(v2022, v2025)) {
            assertThat(v.target(Indicator.DOSSIERS_ACTIFS)).isEqualTo(90);
            assertThat(v.target(Indicator.PROJET_PERSONNALISE)).isEqualTo(90);
            assertThat(v.target(Indicator.AGENDA)).isEqualTo(90);
            assertThat(v.target(Indicator.MSS)).isEqualTo(70);
            assertThat(v.target(Indicator.DMP)).isEqualTo(70);
            assertThat(v.target(Indicator.EPRESCRIPTION)).isNull();
            assertThat(List.of(v.monthlyWindow(), v.firstMeasureWindow(), v.finalDuiWindow(),
                    v.finalServicesWindowDefault(), v.finalServicesWindowMin(), v.finalServicesWindowMax()))
                    .containsExactly(1, 3, 3, 3, 3, 6);
            assertThat(v.servicesExemptSectors()).containsExactly(Sector.PJM);
            assertThat(v.catalogue().find("ANONYMAT").orElseThrow().sectors()).containsExactly(Sector.PDS);
        }
    }

    @Test
    void amountsOf2022DependOnSegurReferencingForAcquisitionOnly() {
        RulesVersion v2022 = builtIn.find("2022").orElseThrow();
        assertThat(v2022.amounts().find("ACQUISITION", 1, true)).contains(
                new AmountRow("ACQUISITION", 1, true, 7_000, 14_500));
        assertThat(v2022.amounts().find("ACQUISITION", 49, false)).contains(
                new AmountRow("ACQUISITION", 1, false, 7_000, 12_000));
        assertThat(v2022.amounts().find("ACQUISITION", 50, true)).contains(
                new AmountRow("ACQUISITION", 50, true, 2_000, 3_000));
        assertThat(v2022.amounts().find("ACQUISITION", 51, false)).contains(
                new AmountRow("ACQUISITION", 50, false, 2_000, 1_000));
        assertThat(v2022.amounts().dependsOnSegur("ACQUISITION", 1)).isTrue();
        assertThat(v2022.amounts().dependsOnSegur("MONTEE_VERSION", 1)).isFalse();
        assertThat(v2022.amounts().find("MONTEE_VERSION", 72, null)).contains(
                new AmountRow("MONTEE_VERSION", 50, null, 2_000, 0));
        assertThat(builtIn.find("2025").orElseThrow().amounts().dependsOnSegur("ACQUISITION", 1)).isFalse();
    }

    @Test
    void theFingerprintIsTheSha256OfTheFilesWhereverTheyAre() throws Exception {
        Path folder = RulesFolders.copyOfBuiltIn(temp.resolve("regles"));
        RulesLibrary copy = new RulesLoader().load(folder);
        String fingerprint2025 = builtIn.find("2025").orElseThrow().fingerprint();
        assertThat(copy.find("2025").orElseThrow().fingerprint()).isEqualTo(fingerprint2025).hasSize(64);
        assertThat(builtIn.find("2022").orElseThrow().fingerprint()).isNotEqualTo(fingerprint2025);

        // Recomputed here: sorted file names, each as "name\nsize\n" then its bytes.
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String name : List.of("catalogue-amenagements.csv", "cibles.csv", "montants.csv", "regles.csv")) {
            byte[] content = Files.readAllBytes(folder.resolve("2025").resolve(name));
            sha256.update((name + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(content);
        }
        assertThat(fingerprint2025).isEqualTo(HexFormat.of().formatHex(sha256.digest()));

        // One more character in one file: another fingerprint.
        RulesFolders.replace(folder.resolve("2025/regles.csv"), "2025/40", "2025/40 ");
        assertThat(new RulesLoader().load(folder).find("2025").orElseThrow().fingerprint())
                .isNotEqualTo(fingerprint2025);
    }

    @Test
    void anArsFolderReplacesTheBuiltInVersions() {
        Path folder = RulesFolders.copyOfBuiltIn(temp.resolve("regles"));
        RulesFolders.append(folder.resolve("2025/catalogue-amenagements.csv"),
                "HOSPITALISATION_LONGUE;Hospitalisation de plus de 30 jours;DOSSIERS_ACTIFS|AGENDA;;PA;2026-01-01;;"
                        + "Décision nationale DNS/2026/17");
        RulesLibrary ars = new RulesLoader().load(folder.toString());
        assertThat(ars.find("2025").orElseThrow().catalogue().find("HOSPITALISATION_LONGUE").orElseThrow()
                .reference()).isEqualTo("Décision nationale DNS/2026/17");
        assertThat(builtIn.find("2025").orElseThrow().catalogue().find("HOSPITALISATION_LONGUE")).isEmpty();
        assertThat(new RulesLoader().load("  ").codes()).isEqualTo(Set.of("2022", "2025"));
    }

    @Test
    void aCodeMayComeBackForAPeriodThatDoesNotOverlap() {
        Path folder = RulesFolders.copyOfBuiltIn(temp.resolve("regles"));
        Path catalogue = folder.resolve("2025/catalogue-amenagements.csv");
        RulesFolders.replace(catalogue, ";DMP;;PDS;;;", ";DMP;;PDS;;2026-06-30;");
        RulesFolders.append(catalogue, "ANONYMAT;Personne accompagnée sous anonymat;DMP;;PDS|PDE;2026-07-01;;"
                + "Décision nationale DNS/2026/22");
        var entries = new RulesLoader().load(folder).find("2025").orElseThrow().catalogue();
        assertThat(entries.find("ANONYMAT", LocalDate.of(2026, 6, 30)).orElseThrow().sectors())
                .containsExactly(Sector.PDS);
        assertThat(entries.find("ANONYMAT", LocalDate.of(2026, 7, 31)).orElseThrow().sectors())
                .containsExactlyInAnyOrder(Sector.PDS, Sector.PDE);
    }
}
