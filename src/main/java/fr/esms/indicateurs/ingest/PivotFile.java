package fr.esms.indicateurs.ingest;

/** The data files of the pivot format, besides the manifest {@code export.csv}. */
public enum PivotFile {
    USAGERS("usagers.csv"),
    DOSSIERS("dossiers.csv"),
    MODIFICATIONS("modifications.csv"),
    PROJETS_PERSONNALISES("projets_personnalises.csv"),
    AGENDA("agenda.csv"),
    MSS("mss.csv"),
    DMP("dmp.csv"),
    EPRESCRIPTION("eprescription.csv"),
    EPARCOURS("eparcours.csv"),
    /** Dashboard counts of editors that give no records: one row per ESSMS and period. */
    AGREGATS("agregats.csv");

    private final String fileName;

    PivotFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
