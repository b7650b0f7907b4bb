package fr.esms.indicateurs.referential;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rules file is validated when loaded: each error stops the load with a French message naming the file, the
 * line (the header is line 1) and the column. The folder is a copy of the built-in versions with one edit.
 */
class RulesValidationTest {

    @TempDir
    Path temp;

    Path folder;

    @BeforeEach
    void copy() {
        folder = RulesFolders.copyOfBuiltIn(temp.resolve("regles"));
    }

    private void refused(String message) {
        assertThatThrownBy(() -> new RulesLoader().load(folder)).isInstanceOf(RulesException.class)
                .hasMessage(message);
    }

    private String file(String relative) {
        return folder + "/" + relative;
    }

    @Test
    void unknownIndicatorInTheTargets() {
        RulesFolders.replace(folder.resolve("2025/cibles.csv"), "MSS;70", "MSSS;70");
        refused("règles : fichier " + file("2025/cibles.csv") + ", ligne 5, colonne « indicateur » : indicateur "
                + "« MSSS » inconnu ou sans cible (DOSSIERS_ACTIFS, PROJET_PERSONNALISE, AGENDA, MSS, DMP)");
    }

    @Test
    void unknownIndicatorInTheCatalogue() {
        RulesFolders.append(folder.resolve("2025/catalogue-amenagements.csv"), "X1;Libellé;DMP|DPM;;PDS;;;Réf.");
        refused("règles : fichier " + file("2025/catalogue-amenagements.csv") + ", ligne 3, colonne « indicateurs » : "
                + "indicateur « DPM » inconnu (DOSSIERS_ACTIFS, PROJET_PERSONNALISE, AGENDA, MSS, DMP)");
    }

    @Test
    void aCounterCannotBeAdjusted() {
        RulesFolders.append(folder.resolve("2025/catalogue-amenagements.csv"), "X1;Libellé;EPARCOURS;;PDS;;;Réf.");
        refused("règles : fichier " + file("2025/catalogue-amenagements.csv") + ", ligne 3, colonne « indicateurs » : "
                + "« EPARCOURS » est un compteur, sans dénominateur à ajuster (DOSSIERS_ACTIFS, PROJET_PERSONNALISE, "
                + "AGENDA, MSS, DMP)");
    }

    @Test
    void unknownSector() {
        RulesFolders.append(folder.resolve("2022/catalogue-amenagements.csv"), "X1;Libellé;DMP;;PDS|ENFANCE;;;Réf.");
        refused("règles : fichier " + file("2022/catalogue-amenagements.csv") + ", ligne 3, colonne « secteurs » : "
                + "secteur « ENFANCE » inconnu (PA, PH, DOM, PDE, PDS, AHI, PJM)");
    }

    @Test
    void unknownExemptSector() {
        RulesFolders.replace(folder.resolve("2025/regles.csv"), "secteurs_exemptes_mss_dmp;PJM",
                "secteurs_exemptes_mss_dmp;PJM|MJPM");
        refused("règles : fichier " + file("2025/regles.csv") + ", ligne 11, colonne « valeur » : secteur « MJPM » "
                + "inconnu (PA, PH, DOM, PDE, PDS, AHI, PJM)");
    }

    @Test
    void aCategoryIsThreeDigits() {
        RulesFolders.append(folder.resolve("2025/catalogue-amenagements.csv"), "X1;Libellé;DMP;500|50;;;;Réf.");
        refused("règles : fichier " + file("2025/catalogue-amenagements.csv") + ", ligne 3, colonne « categories » : "
                + "catégorie FINESS « 50 » : trois chiffres attendus (ex. 500)");
    }

    @Test
    void overlappingDatesForTheSameCode() {
        RulesFolders.append(folder.resolve("2025/catalogue-amenagements.csv"),
                "ANONYMAT;Anonymat;DMP;;PDE;2026-01-01;;Décision 2026");
        refused("règles : fichier " + file("2025/catalogue-amenagements.csv") + ", ligne 3, colonne « code » : code "
                + "ANONYMAT déjà présent ligne 2 sur une période qui chevauche celle-ci (… → … et 2026-01-01 → …) ; "
                + "un même code ne revient que pour une autre période : fermez l'ancienne ligne (colonne fin) la "
                + "veille du début de la nouvelle");
    }

    @Test
    void anEndBeforeItsStart() {
        RulesFolders.append(folder.resolve("2025/catalogue-amenagements.csv"),
                "X1;Libellé;DMP;;PDS;2026-05-01;2026-04-30;Réf.");
        refused("règles : fichier " + file("2025/catalogue-amenagements.csv") + ", ligne 3, colonne « fin » : fin "
                + "2026-04-30 antérieure au début 2026-05-01");
    }

    @Test
    void twoVersionsInForceTheSameDay() {
        RulesFolders.replace(folder.resolve("2025/regles.csv"), "en_vigueur_du;2025-04-16",
                "en_vigueur_du;2022-03-15");
        refused("règles : fichier " + file("2025/regles.csv") + ", ligne 3, colonne « valeur » : en vigueur du "
                + "2022-03-15, comme la version 2022 : deux versions ne peuvent entrer en vigueur le même jour (on ne "
                + "saurait laquelle mesure un projet)");
    }

    @Test
    void aParameterTwice() {
        RulesFolders.append(folder.resolve("2025/regles.csv"), "fenetre_finale_dui;6");
        refused("règles : fichier " + file("2025/regles.csv") + ", ligne 12, colonne « parametre » : paramètre "
                + "« fenetre_finale_dui » déjà donné ligne 7");
    }

    @Test
    void aTargetTwice() {
        RulesFolders.append(folder.resolve("2025/cibles.csv"), "DMP;60");
        refused("règles : fichier " + file("2025/cibles.csv") + ", ligne 7, colonne « indicateur » : indicateur DMP "
                + "déjà donné ligne 6");
    }

    @Test
    void anAmountLineTwice() {
        RulesFolders.append(folder.resolve("2025/montants.csv"), "MONTEE_VERSION;50;;2500;0");
        refused("règles : fichier " + file("2025/montants.csv") + ", ligne 6, colonne « type_financement » : même "
                + "type de financement, rang et référencement Ségur que la ligne 5 : une seule ligne par cas");
    }

    @Test
    void anAmountThatIsNotANumber() {
        RulesFolders.replace(folder.resolve("2022/montants.csv"), "ACQUISITION;1;NON;7000;12000",
                "ACQUISITION;1;NON;7000;12 000");
        refused("règles : fichier " + file("2022/montants.csv") + ", ligne 3, colonne « logiciel » : « 12 000 » n'est "
                + "pas un nombre entier (montant en euros, sans espace ni décimale)");
    }

    @Test
    void aDecimalAmount() {
        RulesFolders.replace(folder.resolve("2022/montants.csv"), "ACQUISITION;1;OUI;7000;14500",
                "ACQUISITION;1;OUI;7000;14,5");
        refused("règles : fichier " + file("2022/montants.csv") + ", ligne 2, colonne « logiciel » : « 14,5 » n'est "
                + "pas un nombre entier (montant en euros, sans espace ni décimale)");
    }

    @Test
    void aTargetThatIsNotANumber() {
        RulesFolders.replace(folder.resolve("2025/cibles.csv"), "DMP;70", "DMP;7O");
        refused("règles : fichier " + file("2025/cibles.csv") + ", ligne 6, colonne « cible » : « 7O » n'est pas un "
                + "nombre entier (cible en pourcentage)");
    }

    @Test
    void segurAmountsComeInPairs() {
        RulesFolders.replace(folder.resolve("2022/montants.csv"), "ACQUISITION;50;NON;2000;1000\n", "");
        refused("règles : fichier " + file("2022/montants.csv") + ", ligne 4, colonne « logiciel_reference_segur » : "
                + "ACQUISITION à partir du rang 50 : soit une ligne sans référencement (vide), soit une ligne OUI et "
                + "une ligne NON");
    }

    @Test
    void aMissingFile() throws Exception {
        Files.delete(folder.resolve("2025/montants.csv"));
        refused("règles : fichier " + folder.resolve("2025/montants.csv") + " introuvable (une version compte les "
                + "fichiers regles.csv, cibles.csv, catalogue-amenagements.csv, montants.csv)");
    }

    @Test
    void aMissingColumn() {
        RulesFolders.replace(folder.resolve("2025/catalogue-amenagements.csv"), ";reference\n", "\n");
        refused("règles : fichier " + file("2025/catalogue-amenagements.csv") + ", ligne 1, colonne « reference » : "
                + "colonne obligatoire absente (en-tête attendu : code;libelle;indicateurs;categories;secteurs;debut;"
                + "fin;reference)");
    }

    @Test
    void aFolderNamedOtherThanItsCode() throws Exception {
        Files.move(folder.resolve("2025"), folder.resolve("2025-ars"));
        refused("règles : fichier " + file("2025-ars/regles.csv") + ", ligne 2, colonne « valeur » : code « 2025 » "
                + "différent du nom du dossier « 2025-ars » : le dossier d'une version porte son code");
    }

    @Test
    void aFolderThatIsNotThereOrHoldsNoVersion() throws Exception {
        Path absent = temp.resolve("absent");
        assertThatThrownBy(() -> new RulesLoader().load(absent)).isInstanceOf(RulesException.class)
                .hasMessage("règles : dossier " + absent + " introuvable");
        Path empty = Files.createDirectories(temp.resolve("vide"));
        assertThatThrownBy(() -> new RulesLoader().load(empty)).isInstanceOf(RulesException.class)
                .hasMessage("règles : le dossier " + empty + " ne contient aucune version (un sous-dossier par "
                        + "version, ex. " + empty.resolve("2025") + ")");
    }

    @Test
    void aProjectNamingAnUnknownVersion() throws Exception {
        Path referential = Files.createDirectories(temp.resolve("referentiel"));
        RulesFolders.write(referential.resolve("projets.csv"), """
                projet_id;intitule;finess_ej_porteur;type_financement;date_convention;date_fin_deploiement;version_regles
                P1;Projet un;690793054;ACQUISITION;2025-11-20;;2025
                P2;Projet deux;690793054;ACQUISITION;2025-11-20;;2023
                """);
        RulesFolders.write(referential.resolve("essms.csv"),
                "finess;finess_ej;raison_sociale;categorie;departement;projet_id;editeur\n");
        assertThatThrownBy(() -> new ReferentialLoader(Set.of("2022", "2025")).load(referential))
                .isInstanceOf(RulesException.class)
                .hasMessage("référentiel : fichier projets.csv, ligne 3, colonne « version_regles » : version de "
                        + "règles « 2023 » inconnue (versions connues : 2022, 2025)");
    }
}
