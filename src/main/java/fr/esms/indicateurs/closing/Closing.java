package fr.esms.indicateurs.closing;

import fr.esms.indicateurs.rules.MeasureWindow;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One revision of a closed (month, window): who closed it, when, under which rules, and the file that states its
 * figures. Never changed once stored.
 *
 * @param noData ESSMS of the referential without data in the window when it was closed
 * @param late   ESSMS fed by a package that arrived after the deadline
 * @param file   the name of the closing's CSV under {@code SORTIE/clotures/}
 * @param sha256 the SHA-256 of that file
 */
public record Closing(MeasureWindow window, int revision, String closedBy, LocalDateTime closedAt, String comment,
                      String rulesVersion, String rulesFingerprint, boolean despiteMissing, List<String> noData,
                      List<String> late, int essms, int rows, String file, String sha256) {

    public Closing {
        noData = List.copyOf(noData);
        late = List.copyOf(late);
    }

    /**
     * The closing's CSV name: {@code AAAA-MM_rN.csv} for the monthly window (1 month), {@code AAAA-MM_fenetreW_rN.csv}
     * for another window, so that two windows of the same month never share a file.
     */
    public static String fileName(MeasureWindow window, int revision) {
        return stem(window) + "_r" + revision + ".csv";
    }

    /** The diff of revision {@code revision - 1} to {@code revision}: {@code AAAA-MM_r1_r2.csv}. */
    public static String diffFileName(MeasureWindow window, int revision) {
        return stem(window) + "_r" + (revision - 1) + "_r" + revision + ".csv";
    }

    private static String stem(MeasureWindow window) {
        return window.month() + (window.months() == 1 ? "" : "_fenetre" + window.months());
    }
}
