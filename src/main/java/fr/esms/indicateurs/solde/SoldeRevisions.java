package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.RulesVersion;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * Which closed revision the figures of a solde come from, per final window: null for a window not closed (the
 * figures are then computed from the stored data, provisional).
 *
 * @param notInRevision ESSMS absent from the closed revisions (added to the referential since): computed, provisional
 */
public record SoldeRevisions(Integer dui, LocalDateTime duiClosedAt, Integer services,
                             LocalDateTime servicesClosedAt, Set<String> notInRevision) {

    public static final SoldeRevisions PROVISIONAL = new SoldeRevisions(null, null, null, null, Set.of());

    public SoldeRevisions {
        notInRevision = Set.copyOf(notInRevision);
    }

    /** The revision an indicator's figure of this ESSMS comes from, or null when it is provisional. */
    public Integer of(String finess, Indicator indicator) {
        if (notInRevision.contains(finess)) {
            return null;
        }
        return RulesVersion.SERVICES.contains(indicator) ? services : dui;
    }

    public boolean provisional() {
        return dui == null && services == null;
    }

    /** The Décision sheet's and the console's sentence. */
    public String sentence() {
        if (provisional()) {
            return "mois non clôturé : chiffres provisoires";
        }
        String text = part("indicateurs DUI", dui, duiClosedAt) + " ; " + part("MSS et DMP", services,
                servicesClosedAt);
        return notInRevision.isEmpty() ? text : text + " ; chiffres provisoires pour " + String.join(", ",
                new java.util.TreeSet<>(notInRevision)) + " (absents de la clôture)";
    }

    private static String part(String what, Integer revision, LocalDateTime closedAt) {
        return revision == null ? what + " : fenêtre non clôturée, chiffres provisoires"
                : what + " : révision " + revision + " du " + String.format("%02d/%02d/%d", closedAt.getDayOfMonth(),
                closedAt.getMonthValue(), closedAt.getYear());
    }
}
