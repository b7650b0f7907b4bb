package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.rules.RulesVersion;

import java.util.List;

/**
 * The solde of a project at a final measure: its ESSMS in rank order, the decision, and the amounts of the 2025
 * call (total, advance paid at the convention, solde, and the solde payable on this measure).
 *
 * @param soldeDue  the solde if the targets are reached, 0 otherwise
 * @param revisions the closed revisions the figures come from (provisional when the month is not closed)
 */
public record ProjectSolde(
        Project project,
        RulesVersion rules,
        SoldeWindows windows,
        List<EssmsSolde> essms,
        SoldeDecision decision,
        Amounts amounts,
        long advance,
        long solde,
        long soldeDue,
        SoldeRevisions revisions) {

    public ProjectSolde {
        essms = List.copyOf(essms);
        revisions = revisions == null ? SoldeRevisions.PROVISIONAL : revisions;
    }

    /** Figures computed from the stored data, from no closed revision. */
    public ProjectSolde(Project project, RulesVersion rules, SoldeWindows windows, List<EssmsSolde> essms,
                        SoldeDecision decision, Amounts amounts, long advance, long solde, long soldeDue) {
        this(project, rules, windows, essms, decision, amounts, advance, solde, soldeDue, SoldeRevisions.PROVISIONAL);
    }

    public ProjectSolde withRevisions(SoldeRevisions from) {
        return new ProjectSolde(project, rules, windows, essms, decision, amounts, advance, solde, soldeDue, from);
    }

    public String rulesVersion() {
        return rules.code();
    }

    /** The DUI window differs from the rules version's (the operator chose it): the proof says so. */
    public boolean duiWindowDiffersFromRules() {
        return windows.dui().months() != rules.finalDuiWindow();
    }

    /** FINESS of the ESSMS with nothing stored in the final windows. */
    public List<String> missingData() {
        return essms.stream().filter(e -> e.decision() == SoldeDecision.DONNEES_MANQUANTES)
                .map(EssmsSolde::finess).toList();
    }

    /** FINESS of the ESSMS with data that miss at least one target. */
    public List<String> notReached() {
        return essms.stream().filter(e -> e.decision() == SoldeDecision.NON_ATTEINTE)
                .map(EssmsSolde::finess).toList();
    }

    /** Why, in French, for the Décision sheet and the command's output. */
    public String reason() {
        StringBuilder text = new StringBuilder();
        if (decision == SoldeDecision.ATTEINTE) {
            text.append(essms.size() == 1 ? "L'ESSMS du projet atteint toutes les cibles auxquelles il est tenu."
                    : "Les " + essms.size() + " ESSMS du projet atteignent toutes les cibles auxquelles ils sont tenus.");
        }
        if (!missingData().isEmpty()) {
            text.append("Aucune donnée sur les fenêtres finales pour : ").append(String.join(", ", missingData()))
                    .append('.');
        }
        if (!notReached().isEmpty()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append("Cibles non atteintes : ");
            text.append(String.join(" ; ", essms.stream().filter(e -> e.decision() == SoldeDecision.NON_ATTEINTE)
                    .map(e -> e.finess() + " (" + String.join(", ", e.missed().stream()
                            .map(r -> SoldeTexts.indicator(r.indicator()) + SoldeTexts.shortfall(r)).toList()) + ")")
                    .toList()));
            text.append('.');
        }
        return text.toString();
    }
}
