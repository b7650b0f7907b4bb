package fr.esms.indicateurs.alerte;

/**
 * The early-warning class of an indicator, an ESSMS or a project, from the most to the least worrying: the
 * class of a group is its worst member's.
 */
public enum Outlook {
    A_RISQUE("à risque"),
    DONNEES_INSUFFISANTES("données insuffisantes"),
    EN_BONNE_VOIE("en bonne voie"),
    CIBLE_ATTEINTE("cible atteinte");

    private final String label;

    Outlook(String label) {
        this.label = label;
    }

    /** The French label the workbooks show. */
    public String label() {
        return label;
    }

    /** The more worrying of the two. */
    public Outlook worse(Outlook other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}
