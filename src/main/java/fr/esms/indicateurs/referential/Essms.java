package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.rules.Sector;

/** An ESSMS of the referential ({@code essms.csv}). */
public record Essms(String finess, String finessEj, String raisonSociale, String categorie, String departement,
                    String projetId, String editeur) {

    public Sector sector() {
        return Sector.ofCategory(categorie);
    }
}
