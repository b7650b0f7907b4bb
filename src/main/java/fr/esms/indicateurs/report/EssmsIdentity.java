package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Sector;

/**
 * Who an ESSMS is, from the referential ({@code essms.csv} joined to {@code projets.csv}). Every field but
 * {@code finess} may be null or blank: the workbooks then show an empty cell.
 *
 * @param finess         FINESS géographique (établissement)
 * @param finessEj       FINESS juridique (organisme gestionnaire)
 * @param raisonSociale  name of the establishment, free text: always written as text, never as a formula
 * @param categorie      FINESS category code (e.g. {@code 500})
 * @param sector         sector of the programme; when null, derived from {@code categorie}
 * @param departement    département code ({@code 35}, {@code 2A}, ...)
 * @param projetId       project identifier of the referential (also a folder name, sanitised)
 * @param projetIntitule project title
 * @param editeur        DUI editor
 */
public record EssmsIdentity(
        String finess,
        String finessEj,
        String raisonSociale,
        String categorie,
        Sector sector,
        String departement,
        String projetId,
        String projetIntitule,
        String editeur) {

    public EssmsIdentity {
        if (finess == null || finess.isBlank()) {
            throw new IllegalArgumentException("numéro FINESS géographique absent");
        }
        if (sector == null) {
            sector = Sector.ofCategory(categorie);
        }
    }
}
