package fr.esms.indicateurs.closing;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a month can be closed as complete: ESSMS of the referential without data in the window, and ESSMS fed
 * by a package that arrived (was first seen) after the deadline.
 */
public record Completeness(LocalDate deadline, List<String> noData, List<String> late) {

    public Completeness {
        noData = List.copyOf(noData);
        late = List.copyOf(late);
    }

    public boolean complete() {
        return noData.isEmpty() && late.isEmpty();
    }

    /** The French lines the operator reads before anything is frozen. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        if (!noData.isEmpty()) {
            lines.add(noData.size() + " ESSMS sans données sur la fenêtre : " + String.join(", ", noData));
        }
        if (!late.isEmpty()) {
            lines.add(late.size() + " ESSMS avec des données arrivées après le " + french(deadline)
                    + " (date de première réception du paquet) : " + String.join(", ", late));
        }
        return lines;
    }

    static String french(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
