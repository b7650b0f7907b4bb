package fr.esms.indicateurs.alerte;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The early warning of a project: the worst class of its ESSMS ({@link Outlook#DONNEES_INSUFFISANTES} when it
 * has none with results), and its ESSMS.
 */
public record ProjectOutlook(String projetId, YearMonth deadline, Outlook outlook, List<EssmsOutlook> essms) {

    public ProjectOutlook {
        Objects.requireNonNull(projetId, "projet absent");
        essms = List.copyOf(essms);
    }

    public static ProjectOutlook of(String projetId, YearMonth deadline, List<EssmsOutlook> essms) {
        Outlook outlook = essms.isEmpty() ? Outlook.DONNEES_INSUFFISANTES : essms.stream()
                .map(EssmsOutlook::outlook).reduce(Outlook.CIBLE_ATTEINTE, Outlook::worse);
        return new ProjectOutlook(projetId, deadline, outlook, essms);
    }

    public long count(Outlook outlook) {
        return essms.stream().filter(e -> e.outlook() == outlook).count();
    }
}
