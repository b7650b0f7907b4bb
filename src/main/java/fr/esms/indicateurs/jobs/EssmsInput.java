package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.AggregateStore.StoredAggregate;

import java.util.List;

/**
 * What the computation of one ESSMS needs: its referential row, its stored activity, its declared adjustments,
 * the {@code agregats.csv} row whose period is exactly the window, if any (null otherwise), and the code of the
 * rules version of its project.
 */
public record EssmsInput(Essms essms, MeasureWindow window, EssmsActivity activity,
                         List<DeclaredAdjustment> declared, StoredAggregate aggregate, String rulesVersion) {

    /**
     * Record-level data fed the ESSMS in the window (records and projects are snapshots of any age, so they do not
     * count).
     */
    public boolean hasData() {
        return activity.hasDataIn(window);
    }

    /** The figures come from the aggregate: there is one for exactly the window, and no record-level data. */
    public boolean usesAggregate() {
        return aggregate != null && !hasData();
    }
}
