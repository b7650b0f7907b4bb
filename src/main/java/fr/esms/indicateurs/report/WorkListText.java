package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.MissingPerson;
import fr.esms.indicateurs.rules.WorkListSection;

/** The work lists in French: why a person is listed, and what a section asks. */
public final class WorkListText {

    private WorkListText() {
    }

    /** Why the person is listed, in words ("dossier non mis à jour depuis juin 2026"). */
    public static String reason(MissingPerson p) {
        String date = FrenchText.date(p.date());
        String record = FrenchText.orEmpty(p.recordId());
        return switch (p.reason()) {
            case RECORD_NOT_UPDATED -> p.month() == null ? "dossier sans aucune mise à jour connue"
                    : "dossier non mis à jour depuis " + FrenchText.month(p.month());
            case RECORD_UPDATED_AFTER_WINDOW -> "dossier mis à jour seulement après la fenêtre ("
                    + FrenchText.month(p.month()) + ")";
            case NO_RECORD -> "aucun dossier DUI pour cette personne";
            case PROJECT_STARTS_AFTER_WINDOW -> "projet personnalisé valide seulement à partir du " + date
                    + " (date de début à vérifier)";
            case PROJECT_ON_INACTIVE_RECORD -> "projet personnalisé porté par le dossier " + record
                    + ", non mis à jour dans la fenêtre (doublon de dossier ?)";
            case PROJECT_EXPIRED -> "projet personnalisé arrivé à échéance le " + date + " (à renouveler)";
            case PROJECT_CLOSED -> p.date() == null ? "projet personnalisé clos"
                    : "projet personnalisé clos le " + date;
            case PROJECT_CANCELLED -> "projet personnalisé annulé";
            case NO_PROJECT -> "aucun projet personnalisé en cours";
            case EVENTS_CANCELLED -> "événement d'agenda du " + date
                    + " annulé : aucun événement d'agenda non annulé dans la fenêtre";
            case EVENT_ON_INACTIVE_RECORD -> "événement d'agenda du " + date + " porté par le dossier " + record
                    + ", non mis à jour dans la fenêtre (doublon de dossier ?)";
            case LAST_EVENT_BEFORE_WINDOW -> "aucun événement d'agenda non annulé dans la fenêtre (dernier le "
                    + date + ")";
            case NEXT_EVENT_AFTER_WINDOW -> "aucun événement d'agenda non annulé dans la fenêtre (suivant le "
                    + date + ")";
            case NO_EVENT -> "aucun événement d'agenda non annulé dans la fenêtre";
            case DMP_DOCUMENT_FAILED -> "dépôt au DMP du " + date + " en erreur (à renvoyer)";
            case DMP_DOCUMENT_DELETED -> "document déposé au DMP le " + date + " puis supprimé";
            case DMP_LAST_BEFORE_WINDOW -> "aucun document déposé au DMP dans la fenêtre (dernier le " + date + ")";
            case DMP_NEXT_AFTER_WINDOW -> "aucun document déposé au DMP dans la fenêtre (suivant le " + date + ")";
            case NO_DMP_DOCUMENT -> "aucun document déposé au DMP";
            case DMP_NO_RECORD -> "aucun dossier DUI : aucun document déposé au DMP ne peut lui être rattaché";
        };
    }

    /** The date or month the reason refers to, as the CSV writes it ({@code AAAA-MM-JJ}, {@code AAAA-MM}). */
    public static String isoDate(MissingPerson p) {
        if (p.date() != null) {
            return p.date().toString();
        }
        return p.month() == null ? "" : p.month().toString();
    }

    /**
     * What the section asks, e.g. "6 personnes listées ; en régler 4 (le manque) suffit pour atteindre la
     * cible de 90 % : …".
     */
    public static String summary(WorkListSection s, boolean fromRecords) {
        long gap = s.result().gap();
        String needed = "il manque " + FrenchText.integer(gap) + " pour atteindre la cible de " + s.result().target()
                + " %";
        if (!fromRecords) {
            return "Chiffres comptés par l'éditeur (agregats.csv) : aucune personne ne peut être nommée ; " + needed
                    + ".";
        }
        if (!s.nominative()) {
            return "La messagerie sécurisée compte des messages, pas des personnes : pas de liste nominative ; il "
                    + "manque " + FrenchText.integer(gap) + (gap > 1 ? " messages envoyés" : " message envoyé")
                    + " par MSSanté dans la fenêtre pour atteindre la cible de " + s.result().target() + " %.";
        }
        int listed = s.persons().size();
        String text = FrenchText.integer(listed) + (listed > 1 ? " personnes listées" : " personne listée")
                + " ; en régler " + FrenchText.integer(gap) + " (le manque) suffit pour atteindre la cible de "
                + s.result().target() + " % : les premières lignes sont les plus rapides à régler.";
        long declared = s.coveredByDeclaredAdjustment();
        if (declared > 0) {
            text += " L'aménagement déclaré validé par l'ARS retire déjà " + FrenchText.integer(declared)
                    + " personne" + (declared > 1 ? "s" : "") + " du dénominateur sans les nommer : la liste en compte"
                    + " donc " + FrenchText.integer(declared) + " de plus que dénominateur − numérateur ("
                    + FrenchText.integer(s.denominatorMinusNumerator()) + ").";
        }
        return text;
    }
}
