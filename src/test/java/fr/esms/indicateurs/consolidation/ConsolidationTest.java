package fr.esms.indicateurs.consolidation;

import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static fr.esms.indicateurs.rules.Indicator.DOSSIERS_ACTIFS;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-made outputs of two installations, consolidated; every total computed by hand. */
class ConsolidationTest {

    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final String HEADER = "finess;mois;fenetre_mois;indicateur;numerateur;denominateur_brut;ajustement;"
            + "denominateur;taux;cible;atteinte;manque";

    @TempDir
    Path work;

    private final InstallationReader reader = new InstallationReader();
    private final Regions regions = Regions.load();

    /** One contract line; a null target is exempted, a zero denominator not computable. */
    static String line(String finess, int window, Indicator indicator, long num, long den, Integer target) {
        String attainment = target == null ? "EXEMPTE" : den == 0 ? "NC" : num * 100 >= target * den ? "OUI" : "NON";
        return String.join(";", finess, MONTH.toString(), Integer.toString(window), indicator.name(),
                Long.toString(num), Long.toString(den), "0", Long.toString(den), den == 0 ? ""
                        : String.format(java.util.Locale.ROOT, "%.1f", num * 100.0 / den),
                target == null ? "" : target.toString(), attainment, "0");
    }

    /** The seven lines of an ESSMS: DA, PP, agenda (targets 90), MSS, DMP (70 or exempted), counters. */
    static List<String> essms(String finess, int window, long accompanied, long active, long pp, long agenda,
                              long mss, long dmp, boolean exempted) {
        Integer services = exempted ? null : 70;
        return List.of(line(finess, window, Indicator.AGENDA, agenda, active, 90),
                line(finess, window, Indicator.DMP, dmp, accompanied, services),
                line(finess, window, DOSSIERS_ACTIFS, active, accompanied, 90),
                finess + ";" + MONTH + ";" + window + ";EPARCOURS;1;;0;;;;;0",
                finess + ";" + MONTH + ";" + window + ";EPRESCRIPTION;3;;0;;;;;0",
                line(finess, window, MSS, mss, accompanied, services),
                line(finess, window, Indicator.PROJET_PERSONNALISE, pp, active, 90));
    }

    static Path installation(Path folder, List<String> referential, List<List<String>> essms) throws IOException {
        Files.createDirectories(folder.resolve("indicateurs"));
        Files.createDirectories(folder.resolve("referentiel"));
        StringBuilder figures = new StringBuilder(HEADER).append('\n');
        essms.forEach(lines -> lines.forEach(l -> figures.append(l).append('\n')));
        Files.writeString(folder.resolve("indicateurs").resolve(MONTH + ".csv"), figures);
        Files.writeString(folder.resolve("referentiel/essms.csv"), "finess;finess_ej;raison_sociale;categorie;"
                + "departement;projet_id;editeur\n" + String.join("\n", referential) + "\n");
        return folder;
    }

    /** a1 (35, EHPAD) and a2 (35, PJM service) of EJ1, editor Alpha. */
    private Path bretagne() throws IOException {
        return installation(work.resolve("bretagne"), List.of("350000001;EJ1;EHPAD a1;500;35;P1;Alpha",
                        "350000002;EJ1;Mandataire a2;340;35;P1;Alpha"),
                List.of(essms("350000001", 1, 100, 80, 60, 76, 50, 80, false),
                        essms("350000002", 1, 10, 9, 9, 0, 1, 0, true)));
    }

    /** b1 (13, IME, no data) and b2 (974, EHPAD) of EJ2, editor Beta. */
    private Path sud() throws IOException {
        return installation(work.resolve("sud"), List.of("130000001;EJ2;IME b1;183;13;P2;Beta",
                        "974000001;EJ2;EHPAD b2;500;974;P3;Beta"),
                List.of(essms("130000001", 1, 0, 0, 0, 0, 0, 0, false),
                        essms("974000001", 1, 50, 45, 40, 45, 40, 30, false)));
    }

    @Test
    void pooled_and_mean_rates_by_hand() throws IOException {
        Consolidation c = Consolidation.of(MONTH, List.of(reader.read(bretagne(), MONTH), reader.read(sud(), MONTH)),
                regions);
        PooledStats nation = c.nation();
        assertThat(c.essms()).isEqualTo(4);
        assertThat(c.windowMonths()).isEqualTo(1);
        assertThat(nation.duiActifs()).isEqualTo(80 + 9 + 0 + 45);
        assertThat(nation.eprescriptions()).isEqualTo(12);
        // DA: a1 80/100 NON, a2 9/10 OUI, b1 NC, b2 45/50 OUI
        assertThat(nation.held(DOSSIERS_ACTIFS)).isEqualTo(4);
        assertThat(nation.reached(DOSSIERS_ACTIFS)).isEqualTo(2);
        assertThat(nation.pooledRate(DOSSIERS_ACTIFS)).isCloseTo(134.0 / 160, within(1e-12));
        assertThat(nation.meanRate(DOSSIERS_ACTIFS)).isCloseTo((0.8 + 0.9 + 0.9) / 3, within(1e-12));
        // MSS: a1 50/100 NON, a2 exempted (not held), b1 NC, b2 40/50 OUI
        assertThat(nation.held(MSS)).isEqualTo(3);
        assertThat(nation.reached(MSS)).isEqualTo(1);
        assertThat(nation.pooledRate(MSS)).isCloseTo(90.0 / 150, within(1e-12));
        assertThat(nation.meanRate(MSS)).isCloseTo((0.5 + 0.8) / 2, within(1e-12));

        assertThat(c.regions()).containsOnlyKeys("Bretagne", "Provence-Alpes-Côte d'Azur", "La Réunion");
        PooledStats bretagne = c.regions().get("Bretagne");
        assertThat(bretagne.essms()).isEqualTo(2);
        assertThat(bretagne.pooledRate(DOSSIERS_ACTIFS)).isCloseTo(89.0 / 110, within(1e-12));
        assertThat(c.regions().get("Provence-Alpes-Côte d'Azur").pooledRate(DOSSIERS_ACTIFS)).isNull();
        assertThat(c.regions().get("Provence-Alpes-Côte d'Azur").held(DOSSIERS_ACTIFS)).isEqualTo(1);
        assertThat(c.sectors()).containsOnlyKeys(Sector.PA, Sector.PH, Sector.PJM);
        assertThat(c.sectors().get(Sector.PA).duiActifs()).isEqualTo(125);
        assertThat(c.editors().get("Alpha").essms()).isEqualTo(2);
        assertThat(c.organisations().get("EJ2").duiActifs()).isEqualTo(45);
        assertThat(c.overlaps()).isEmpty();
        assertThat(c.rulesVersions()).isEqualTo("non indiquée");
        assertThat(c.warnings()).hasSize(2).allMatch(w -> w.contains("regles.csv"));
    }

    @Test
    void an_essms_in_two_inputs_is_reported_and_counted_once() throws IOException {
        Path copy = installation(work.resolve("doublon"), List.of("350000001;EJ1;EHPAD a1;500;35;P1;Alpha",
                        "974000001;EJ2;EHPAD b2;500;974;P3;Beta"),
                List.of(essms("350000001", 1, 100, 80, 60, 76, 50, 80, false),
                        essms("974000001", 1, 50, 44, 40, 45, 40, 30, false)));
        Consolidation c = Consolidation.of(MONTH, List.of(reader.read(bretagne(), MONTH), reader.read(sud(), MONTH),
                reader.read(copy, MONTH)), regions);
        assertThat(c.essms()).isEqualTo(4);
        assertThat(c.nation().duiActifs()).isEqualTo(134);
        assertThat(c.overlaps()).extracting(Consolidation.Overlap::finess, Consolidation.Overlap::sameFigures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("350000001", true),
                        org.assertj.core.groups.Tuple.tuple("974000001", false));
        assertThat(c.overlaps().get(1).kept()).isEqualTo(work.resolve("sud").toString());
        assertThat(c.overlaps().get(1).also()).containsExactly(copy.toString());
    }

    @Test
    void inputs_of_different_windows_are_refused() throws IOException {
        Path three = installation(work.resolve("trois"), List.of("220000001;EJ3;EHPAD c1;500;22;P4;Alpha"),
                List.of(essms("220000001", 3, 10, 9, 9, 9, 9, 9, false)));
        List<InstallationOutput> inputs = List.of(reader.read(bretagne(), MONTH), reader.read(three, MONTH));
        assertThatThrownBy(() -> Consolidation.of(MONTH, inputs, regions))
                .isInstanceOf(ConsolidationException.class)
                .hasMessageContaining("fenêtres différentes, consolidation refusée")
                .hasMessageContaining(three + " (3 mois)");
    }

    @Test
    void one_version_code_with_two_fingerprints_is_refused_same_or_distinct_versions_accepted() throws IOException {
        Path a = bretagne();
        Path b = sud();
        Files.writeString(a.resolve("indicateurs/2026-10.regles.csv"), "finess;version_regles;empreinte_regles\n350000001;2025;ab12\n");
        Files.writeString(b.resolve("indicateurs/2026-10.regles.csv"), "finess;version_regles;empreinte_regles\n350000001;2025;ab12\n");
        Consolidation same = Consolidation.of(MONTH, List.of(reader.read(a, MONTH), reader.read(b, MONTH)), regions);
        assertThat(same.rulesVersions()).isEqualTo("2025 (ab12)");
        assertThat(same.warnings()).isEmpty();

        Files.writeString(b.resolve("indicateurs/2026-10.regles.csv"), "finess;version_regles;empreinte_regles\n130000001;2025;cd34\n");
        List<InstallationOutput> inputs = List.of(reader.read(a, MONTH), reader.read(b, MONTH));
        assertThatThrownBy(() -> Consolidation.of(MONTH, inputs, regions))
                .isInstanceOf(ConsolidationException.class)
                .hasMessageContaining("versions des règles différentes, consolidation refusée")
                .hasMessageContaining("la version 2025 n'a pas les mêmes fichiers partout")
                .hasMessageContaining("(2025 (ab12))").hasMessageContaining("(2025 (cd34))");

        // one region's projects under 2022, the other's under 2025: each ESSMS under its own version, pooled
        Files.writeString(b.resolve("indicateurs/2026-10.regles.csv"),
                "finess;version_regles;empreinte_regles\n130000001;2022;ef56\n");
        Consolidation mixed = Consolidation.of(MONTH, List.of(reader.read(a, MONTH), reader.read(b, MONTH)), regions);
        assertThat(mixed.rulesVersions()).isEqualTo("2022 (ef56), 2025 (ab12)");
    }

    @Test
    void the_latest_closed_revision_is_preferred() throws IOException {
        Path a = bretagne();
        Files.createDirectories(a.resolve("clotures"));
        String revised = HEADER + ";revision\n" + String.join(";1\n",
                essms("350000001", 1, 100, 90, 60, 76, 50, 80, false)) + ";1\n";
        Files.writeString(a.resolve("clotures/2026-10_r1.csv"), revised);
        Files.writeString(a.resolve("clotures/2026-10_r2.csv"), revised.replace(";1\n", ";2\n"));
        Files.writeString(a.resolve("clotures/2026-09_r7.csv"), revised);
        InstallationOutput read = reader.read(a, MONTH);
        assertThat(read.revision()).isEqualTo(2);
        assertThat(read.source()).isEqualTo("clotures/2026-10_r2.csv");
        assertThat(read.figures()).containsOnlyKeys("350000001");
        assertThat(read.figures().get("350000001").get(DOSSIERS_ACTIFS).numerator()).isEqualTo(90);
    }

    @Test
    void a_bad_value_names_its_file_line_and_column() throws IOException {
        Path a = bretagne();
        Path file = a.resolve("indicateurs/2026-10.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace(";2026-10;", ";2026-09;"));
        Files.write(file, lines);
        assertThatThrownBy(() -> reader.read(a, MONTH)).isInstanceOf(ConsolidationException.class)
                .hasMessage(file + " ligne 3, colonne mois : « 2026-09 » : mois 2026-10 attendu");

        lines.set(2, lines.get(2).replace(";2026-09;", ";2026-10;").replace(";DMP;", ";DPM;"));
        Files.write(file, lines);
        assertThatThrownBy(() -> reader.read(a, MONTH)).hasMessage(file + " ligne 3, colonne indicateur : « DPM » :"
                + " valeur inconnue");
    }

    @Test
    void a_missing_month_or_referential_is_explained() throws IOException {
        Path a = bretagne();
        assertThatThrownBy(() -> reader.read(a, MONTH.minusMonths(1))).isInstanceOf(ConsolidationException.class)
                .hasMessageContaining("ni indicateurs/2026-09.csv ni clotures/2026-09_rN.csv");
        Files.delete(a.resolve("referentiel/essms.csv"));
        assertThatThrownBy(() -> reader.read(a, MONTH)).hasMessageContaining("essms.csv du référentiel introuvable");
    }
}
