package fr.esms.indicateurs.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and checking editor profiles: a wrong profile stops with a French message naming file and key. */
class EditorProfilesTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = """
            reconnaissance:
              fichiers: ["SEJOURS_*.csv"]
            encodage: windows-1252
            formats-date: ["dd/MM/yyyy"]
            manifeste:
              colonnes:
                editeur: { constante: "Éditeur X" }
                logiciel: { constante: "DUI X" }
                finess_ej: { nom-paquet: "_([0-9]{9})_" }
                date_extraction: { nom-paquet: "_([0-9]{8})$", formats-date: ["yyyyMMdd"] }
                periode_debut: { nom-paquet: "_([0-9]{6})_[0-9]{8}$", formats-date: ["yyyyMM"] }
                periode_fin: { nom-paquet: "_([0-9]{6})_[0-9]{8}$", formats-date: ["yyyyMM"] }
            fichiers:
              usagers:
                fichier: "SEJOURS_*.csv"
                colonnes:
                  finess: "N° FINESS"
                  usager_id: "Usager"
                  date_entree: "Entrée"
            """;

    @Test
    void theSampleProfilesLoad() {
        EditorProfiles profiles = EditorProfiles.load(Path.of("sample-data/editeurs/profils"));

        assertThat(profiles.all()).extracting(EditorProfile::name).containsExactly("kaliope", "soigneo");
        EditorProfile soigneo = profiles.named("SOIGNEO").orElseThrow();
        assertThat(soigneo.files()).containsKeys(PivotFile.USAGERS, PivotFile.AGENDA, PivotFile.DMP);
        assertThat(soigneo.files().get(PivotFile.USAGERS).csv())
                .isEqualTo(new CsvOptions(Encoding.WINDOWS_1252, ';', '"'));
        ColumnSource status = soigneo.files().get(PivotFile.AGENDA).columns().get("statut");
        assertThat(status).isInstanceOf(ColumnSource.Header.class);
        assertThat(((ColumnSource.Header) status).values()).containsEntry("Réalisé", "REALISE")
                .containsEntry("", "PREVU");
        assertThat(profiles.named("kaliope").orElseThrow().files().get(PivotFile.USAGERS).csv().delimiter())
                .isEqualTo(',');
        assertThat(profiles.named("pivot")).contains(EditorProfile.PIVOT);
        assertThat(profiles.names()).isEqualTo("pivot, kaliope, soigneo");
    }

    @Test
    void aMinimalProfileTakesItsNameFromItsFile() throws IOException {
        EditorProfile profile = EditorProfiles.read(write("editeur-x.yaml", MINIMAL));

        assertThat(profile.name()).isEqualTo("editeur-x");
        assertThat(profile.source()).isEqualTo("editeur-x.yaml");
        assertThat(profile.recognisesFiles(List.of("export.csv", "sejours_2026-10.CSV"))).isTrue();
        assertThat(profile.recognisesFiles(List.of("export.csv"))).isFalse();
        assertThat(profile.files().get(PivotFile.USAGERS).dateFormats()).extracting(DatePattern::pattern)
                .containsExactly("dd/MM/yyyy");
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertRefused(MINIMAL.replace("encodage:", "encodge:"),
                "profil p.yaml, clé « encodge » : clé inconnue (admises ici : description, editeur, encodage, "
                        + "fichiers, formats-date, guillemet, manifeste, nom, reconnaissance, separateur)");
    }

    @Test
    void aColumnUnknownToThePivotFormatIsRefused() {
        assertRefused(MINIMAL.replace("usager_id: \"Usager\"", "usager: \"Usager\""),
                "profil p.yaml, clé « fichiers.usagers.colonnes.usager » : colonne inconnue du format pivot pour ce "
                        + "fichier (colonnes : finess, usager_id, date_entree, date_sortie, motifs_exclusion)");
    }

    @Test
    void aRequiredPivotColumnWithoutSourceIsRefused() {
        assertRefused(MINIMAL.replace("      date_entree: \"Entrée\"\n", ""),
                "profil p.yaml, clé « fichiers.usagers.colonnes » : la colonne obligatoire « date_entree » du format "
                        + "pivot n'a pas de source (colonne, constante, nom-fichier ou nom-paquet)");
    }

    @Test
    void anUnknownEncodingIsRefused() {
        assertRefused(MINIMAL.replace("windows-1252", "ebcdic"),
                "profil p.yaml, clé « encodage » : encodage « ebcdic » inconnu (admis : utf-8, windows-1252, "
                        + "iso-8859-1, auto)");
    }

    @Test
    void aValueMappedToAWordThePivotFormatDoesNotHaveIsRefused() {
        String profile = MINIMAL + """
                  agenda:
                    fichier: "AGENDA.csv"
                    colonnes:
                      finess: "N° FINESS"
                      dossier_id: "Dossier"
                      evenement_id: "Événement"
                      date_evenement: "Date"
                      statut: { colonne: "État", valeurs: { "Fait": FAIT } }
                """;
        assertRefused(profile, "profil p.yaml, clé « fichiers.agenda.colonnes.statut.valeurs.Fait » : « FAIT » n'est "
                + "pas une valeur du format pivot (admises : PREVU, REALISE, ANNULE)");
    }

    @Test
    void aNamePatternNeedsExactlyOneGroup() {
        assertRefused(MINIMAL.replace("\"_([0-9]{9})_\"", "\"_[0-9]{9}_\""),
                "profil p.yaml, clé « manifeste.colonnes.finess_ej.nom-paquet » : l'expression « _[0-9]{9}_ » doit "
                        + "avoir exactement un groupe entre parenthèses : la valeur prise");
    }

    @Test
    void aDateFormatWithoutYearIsRefused() {
        assertRefused(MINIMAL.replace("formats-date: [\"dd/MM/yyyy\"]", "formats-date: [\"dd/MM\"]"),
                "profil p.yaml, clé « formats-date » : format de date « dd/MM » sans mois ou sans année");
    }

    @Test
    void aManifestWithoutFileCannotTakeAColumn() {
        assertRefused(MINIMAL.replace("editeur: { constante: \"Éditeur X\" }", "editeur: \"Éditeur\""),
                "profil p.yaml, clé « manifeste.colonnes.editeur » : sans « fichier », le manifeste ne peut venir que "
                        + "de « constante » ou de « nom-paquet »");
    }

    @Test
    void invalidYamlIsRefusedWithItsFileName() {
        assertThatThrownBy(() -> EditorProfiles.read(write("p.yaml", "fichiers: [unclosed")))
                .isInstanceOf(ProfileException.class).hasMessageStartingWith("profil p.yaml : YAML invalide : ");
    }

    @Test
    void twoProfilesWithTheSameNameAreRefused() throws IOException {
        write("a.yaml", "nom: x\n" + MINIMAL);
        write("b.yaml", "nom: X\n" + MINIMAL);

        assertThatThrownBy(() -> EditorProfiles.load(dir)).isInstanceOf(ProfileException.class)
                .hasMessage("profil b.yaml : nom « X » déjà pris par a.yaml");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> EditorProfiles.load(dir.resolve("absent"))).isInstanceOf(ProfileException.class)
                .hasMessage("dossier des profils éditeurs introuvable : " + dir.resolve("absent"));
    }

    private void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> EditorProfiles.read(write("p.yaml", yaml)))
                .isInstanceOf(ProfileException.class).hasMessage(message);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
