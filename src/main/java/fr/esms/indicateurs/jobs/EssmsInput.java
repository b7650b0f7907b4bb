package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.MeasureWindow;

import java.util.List;

/** What the computation of one ESSMS needs: its referential row, its stored activity, its declared adjustments. */
public record EssmsInput(Essms essms, MeasureWindow window, EssmsActivity activity,
                         List<DeclaredAdjustment> declared) {

    /** Data fed the ESSMS in the window (records and projects are snapshots of any age, so they do not count). */
    public boolean hasData() {
        return activity.hasDataIn(window);
    }
}
