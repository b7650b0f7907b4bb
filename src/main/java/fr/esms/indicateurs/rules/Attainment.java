package fr.esms.indicateurs.rules;

/** The {@code atteinte} column. */
public enum Attainment {
    OUI,
    NON,
    /** PJM services: MSS and DMP are shown but not held to a target. */
    EXEMPTE,
    /** Not computable: a zero denominator. */
    NC
}
