package fr.esms.indicateurs.closing;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A (month, window) that is closed, as the outputs show it: its latest revision, how many ESSMS the live
 * computation would change, and the changes that revision brought (empty for revision 1).
 *
 * @param wouldChange ESSMS whose live figures differ from the revision's
 * @param changes     the rows revision {@code n} changed from revision {@code n - 1}
 */
public record ClosedMonth(Closing closing, long wouldChange, List<RevisionChange> changes) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ClosedMonth {
        changes = List.copyOf(changes);
    }

    public int revision() {
        return closing.revision();
    }

    /** The sentence the console and the Synthèse sheets show. */
    public String notice() {
        return "Mois clôturé : chiffres de la révision " + closing.revision() + " du "
                + DAY.format(closing.closedAt()) + " (par " + closing.closedBy() + "), jamais modifiés ; "
                + (wouldChange == 0 ? "aucune donnée plus récente ne les change."
                : "données plus récentes disponibles : " + wouldChange + " ESSMS changeraient (cloturer à nouveau "
                + "pour créer la révision " + (closing.revision() + 1) + ").");
    }
}
