package fr.esms.indicateurs.referential;

import java.time.LocalDate;

/**
 * A project of the referential ({@code projets.csv}).
 *
 * @param versionRegles          the rules version its line names, or null (then chosen by its convention date)
 * @param logicielReferenceSegur whether the chosen software is Ségur-referenced (the 2022 amounts depend on it), or
 *                               null when the line does not say
 */
public record Project(String projetId, String intitule, String finessEjPorteur, FundingType typeFinancement,
                      LocalDate dateConvention, LocalDate dateFinDeploiement, String versionRegles,
                      Boolean logicielReferenceSegur) {

    public enum FundingType { ACQUISITION, MONTEE_VERSION }

    /** A project whose line says nothing of its rules version nor of its software's referencing. */
    public Project(String projetId, String intitule, String finessEjPorteur, FundingType typeFinancement,
                   LocalDate dateConvention, LocalDate dateFinDeploiement) {
        this(projetId, intitule, finessEjPorteur, typeFinancement, dateConvention, dateFinDeploiement, null, null);
    }
}
