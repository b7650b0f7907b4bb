package fr.esms.indicateurs.report;

/**
 * Where the figures of a measure come from, as the reports state it: the exports' records, the editor's own
 * aggregate counts ({@code agregats.csv}, then {@code packageName} names the package), or no data at all.
 */
public record FigureSource(Kind kind, String packageName) {

    public enum Kind {
        /** Record-level data: usagers.csv, dossiers.csv... */
        DOSSIERS,
        /** The editor's aggregate counts: agregats.csv. */
        AGREGATS,
        /** No export gave data for the window. */
        AUCUNE
    }

    public static FigureSource records() {
        return new FigureSource(Kind.DOSSIERS, null);
    }

    public static FigureSource aggregates(String packageName) {
        return new FigureSource(Kind.AGREGATS, packageName);
    }

    public static FigureSource none() {
        return new FigureSource(Kind.AUCUNE, null);
    }

    /** The French sentence of the ESSMS workbook: « comptages agrégés de l'éditeur (agregats.csv, paquet …) ». */
    public String sentence() {
        return switch (kind) {
            case DOSSIERS -> "dossiers détaillés (données individuelles des exports)";
            case AGREGATS -> "comptages agrégés de l'éditeur (agregats.csv, paquet "
                    + (packageName == null ? "inconnu" : packageName) + ")";
            case AUCUNE -> "aucune donnée reçue pour la fenêtre";
        };
    }

    /** The short French label of the regional workbook's column. */
    public String shortLabel() {
        return switch (kind) {
            case DOSSIERS -> "Dossiers détaillés";
            case AGREGATS -> "Comptages agrégés de l'éditeur (" + (packageName == null ? "agregats.csv"
                    : "agregats.csv, paquet " + packageName) + ")";
            case AUCUNE -> "Aucune donnée";
        };
    }
}
