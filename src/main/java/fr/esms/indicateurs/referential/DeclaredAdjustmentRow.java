package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.rules.DeclaredAdjustment;

/** A row of {@code amenagements.csv}: a declared adjustment of one ESSMS. */
public record DeclaredAdjustmentRow(String finess, DeclaredAdjustment adjustment) {
}
