package fr.esms.indicateurs.rules;

import java.time.LocalDate;

/** An adjustment declared by an ESSMS and validated by the ARS ({@code amenagements.csv}). */
public record DeclaredAdjustment(Indicator indicator, String motif, int count, LocalDate periodStart,
                                 LocalDate periodEnd, String reference) {
}
