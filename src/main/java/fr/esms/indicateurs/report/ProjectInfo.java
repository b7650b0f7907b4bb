package fr.esms.indicateurs.report;

import java.time.LocalDate;

/** A project of the referential ({@code projets.csv}); {@code typeFinancement} is ACQUISITION or MONTEE_VERSION. */
public record ProjectInfo(String projetId, String intitule, String finessEjPorteur, String typeFinancement,
                          LocalDate dateConvention, LocalDate dateFinDeploiement) {
}
