package fr.esms.indicateurs.rules;

/** The indicators of the output contract, in the order the spec lists them. */
public enum Indicator {
    DOSSIERS_ACTIFS(true),
    PROJET_PERSONNALISE(true),
    AGENDA(true),
    MSS(true),
    DMP(true),
    EPRESCRIPTION(false),
    EPARCOURS(false);

    private final boolean rated;

    Indicator(boolean rated) {
        this.rated = rated;
    }

    /** False for the two counters, which have no denominator, rate nor target. */
    public boolean isRated() {
        return rated;
    }
}
