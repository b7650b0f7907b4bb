package fr.esms.indicateurs.rules;

public enum AdjustmentSource {
    /** A {@code motifs_exclusion} code on a person's stay. */
    CODE_USAGER,
    /** A row of {@code amenagements.csv}. */
    DECLARE,
    /** An {@code exclusions_mss} / {@code exclusions_dmp} count of {@code agregats.csv}. */
    AGREGAT
}
