package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.referential.Project.FundingType;
import fr.esms.indicateurs.rules.RulesLibrary;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which rules version measures a project: the one its projets.csv line names; else the latest in force at its
 * convention date (2025 from 2025-04-16, 2022 from 2022-03-15); before every version, the earliest; without a
 * convention date, the latest.
 */
class ProjectRulesTest {

    static final RulesLibrary BUILT_IN = new RulesLoader().builtIn();

    private static Project project(String id, LocalDate convention, String version) {
        return new Project(id, "Projet " + id, "690793054", FundingType.ACQUISITION, convention, null, version, null);
    }

    private static String versionOf(Project project) {
        Referential referential = new Referential(List.of(), List.of(project), List.of(), List.of(), List.of());
        return new ProjectRules(BUILT_IN, referential).of(project.projetId()).code();
    }

    @Test
    void theConventionDateChoosesTheVersionInForce() {
        assertThat(versionOf(project("A", LocalDate.of(2025, 4, 16), null))).isEqualTo("2025");
        assertThat(versionOf(project("B", LocalDate.of(2025, 4, 15), null))).isEqualTo("2022");
        assertThat(versionOf(project("C", LocalDate.of(2022, 3, 15), null))).isEqualTo("2022");
        assertThat(versionOf(project("D", LocalDate.of(2026, 1, 15), null))).isEqualTo("2025");
    }

    @Test
    void beforeEveryVersionTheEarliestWithoutDateTheLatest() {
        assertThat(versionOf(project("E", LocalDate.of(2021, 12, 1), null))).isEqualTo("2022");
        assertThat(versionOf(project("F", null, null))).isEqualTo("2025");
    }

    @Test
    void theLineOfProjetsCsvWinsOverTheDate() {
        assertThat(versionOf(project("G", LocalDate.of(2025, 11, 20), "2022"))).isEqualTo("2022");
        assertThat(versionOf(project("H", LocalDate.of(2023, 6, 1), "2025"))).isEqualTo("2025");
    }

    @Test
    void aVersionTheLibraryDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> versionOf(project("P9", null, "2030")))
                .isInstanceOf(RulesException.class)
                .hasMessage("référentiel : projet P9 (projets.csv, colonne « version_regles ») : version de règles "
                        + "« 2030 » inconnue (versions connues : 2022, 2025)");
    }

    @Test
    void theSampleDataHasOneProjectUnder2022AndOneUnder2025() {
        Referential sample = new ReferentialLoader(BUILT_IN.codes()).load(java.nio.file.Path.of(
                "sample-data/referentiel"));
        ProjectRules rules = new ProjectRules(BUILT_IN, sample);
        assertThat(rules.of("PRJ-ARA-2025-014").code()).isEqualTo("2022");
        assertThat(sample.project("PRJ-ARA-2025-014").orElseThrow().logicielReferenceSegur()).isTrue();
        assertThat(rules.of("PRJ-ARA-2025-031").code()).isEqualTo("2025");
        assertThat(sample.project("PRJ-ARA-2025-031").orElseThrow().versionRegles()).isNull();
    }
}
