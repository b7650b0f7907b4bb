package fr.esms.indicateurs.solde;

/** Whether targets are reached at the final measure, for one ESSMS or for a project. */
public enum SoldeDecision {
    /** Every target held to is reached. */
    ATTEINTE("ATTEINTE", "Atteinte"),
    /** At least one target held to is not reached (a not computable indicator is not reached). */
    NON_ATTEINTE("NON ATTEINTE", "Non atteinte"),
    /** Nothing is stored for the ESSMS (or for one ESSMS of the project) in the final windows. */
    DONNEES_MANQUANTES("NON ATTEINTE — données manquantes", "Données manquantes");

    private final String projectWording;
    private final String essmsWording;

    SoldeDecision(String projectWording, String essmsWording) {
        this.projectWording = projectWording;
        this.essmsWording = essmsWording;
    }

    /** The decision as the Décision sheet states it for the project. */
    public String projectWording() {
        return projectWording;
    }

    /** The decision as the ESSMS lines state it. */
    public String essmsWording() {
        return essmsWording;
    }
}
