package fr.esms.indicateurs.referential;

import java.time.LocalDate;

/** A project of the referential ({@code projets.csv}). */
public record Project(String projetId, String intitule, String finessEjPorteur, FundingType typeFinancement,
                      LocalDate dateConvention, LocalDate dateFinDeploiement) {

    public enum FundingType { ACQUISITION, MONTEE_VERSION }
}
