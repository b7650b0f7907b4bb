package fr.esms.indicateurs.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The "Aménagements" paragraphs of {@code indicateurs.md}: person-level codes, declared adjustments and the
 * editor's own exclusions ({@code agregats.csv}), each applied only if the catalogue of the rules version knows
 * it, it is in force at the window's end and allowed for the ESSMS's category; otherwise refused and reported.
 */
final class Adjustments {

    private final RulesVersion rules;

    Adjustments(RulesVersion rules) {
        this.rules = rules;
    }

    /**
     * A person-level code on any stay overlapping the window removes the person from the population of each
     * indicator it covers. Unknown, not in force or not allowed codes are reported, never applied.
     */
    PersonCodes personCodes(String category, Sector sector, MeasureWindow window,
                            Map<String, Set<String>> codesByPerson) {
        Map<String, Set<String>> personsByCode = new TreeMap<>();
        codesByPerson.forEach((person, codes) ->
                codes.forEach(code -> personsByCode.computeIfAbsent(code, c -> new HashSet<>()).add(person)));

        Map<Indicator, Map<CatalogueEntry, Set<String>>> usable = new EnumMap<>(Indicator.class);
        List<RefusedAdjustment> refused = new ArrayList<>();
        personsByCode.forEach((code, persons) -> {
            Optional<CatalogueEntry> found = rules.catalogue().find(code, window.end());
            if (found.isEmpty()) {
                refused.add(new RefusedAdjustment(null, code, AdjustmentSource.CODE_USAGER, persons.size(),
                        "code inconnu du catalogue d'aménagements " + rules.code()));
                return;
            }
            CatalogueEntry entry = found.get();
            String unusable = unusable(entry, category, sector, window);
            for (Indicator indicator : sortedIndicators(entry.indicators())) {
                if (unusable != null) {
                    refused.add(new RefusedAdjustment(indicator, code, AdjustmentSource.CODE_USAGER,
                            persons.size(), unusable));
                } else {
                    usable.computeIfAbsent(indicator, i -> new LinkedHashMap<>()).put(entry, persons);
                }
            }
        });
        return new PersonCodes(category, usable, personsByCode.keySet(), refused);
    }

    /**
     * A declared adjustment removes its number from the denominator of its indicator for the exact window it
     * states, only for motifs that no person-level code covers for that ESSMS, indicator and window, and never
     * on an indicator the editor's own exclusions ({@code agregats.csv}) already adjusted.
     */
    long declared(Indicator indicator, Sector sector, MeasureWindow window, List<DeclaredAdjustment> declared,
                  PersonCodes codes, boolean editorExcluded, List<AppliedAdjustment> applied,
                  List<RefusedAdjustment> refused) {
        long removed = 0;
        for (DeclaredAdjustment d : declared) {
            if (d.indicator() != indicator || !window.isExactly(d.periodStart(), d.periodEnd())) {
                continue;
            }
            Optional<CatalogueEntry> entry = rules.catalogue().find(d.motif(), window.end());
            // refusal(...) returns null when the motif is usable: it must not be mistaken for an unknown motif.
            String refusal = entry.isEmpty()
                    ? "motif inconnu du catalogue d'aménagements " + rules.code()
                    : refusal(entry.get(), indicator, sector, window, codes);
            if (refusal == null && editorExcluded) {
                refusal = "remplacé par les exclusions comptées par l'éditeur (agregats.csv) pour " + indicator
                        + " : les mêmes personnes ne sont pas retirées deux fois";
            }
            if (refusal != null) {
                refused.add(new RefusedAdjustment(indicator, d.motif(), AdjustmentSource.DECLARE, d.count(), refusal));
            } else {
                applied.add(new AppliedAdjustment(indicator, d.motif(), entry.get().label(), d.count(),
                        AdjustmentSource.DECLARE, d.reference()));
                removed += d.count();
            }
        }
        return removed;
    }

    /**
     * The persons the editor excluded from {@code indicator}, if the catalogue allows an adjustment of it for this
     * ESSMS at the window's end; else none, and the exclusions are reported as refused.
     */
    long editorExclusions(Indicator indicator, String column, long count, String category, Sector sector,
                          MeasureWindow window, List<AppliedAdjustment> applied, List<RefusedAdjustment> refused) {
        if (count == 0) {
            return 0;
        }
        List<CatalogueEntry> allowing = rules.catalogue().entries().stream()
                .filter(e -> e.indicators().contains(indicator))
                .filter(e -> unusable(e, category, sector, window) == null)
                .toList();
        if (allowing.isEmpty()) {
            refused.add(new RefusedAdjustment(indicator, column, AdjustmentSource.AGREGAT, count,
                    "aucun motif du catalogue d'aménagements " + rules.code() + " n'autorise d'ajuster l'indicateur "
                            + indicator + " pour la catégorie FINESS " + category + " (secteur " + sector + ") au "
                            + window.end() + " : exclusions de l'éditeur non appliquées, chiffre non ajusté"));
            return 0;
        }
        applied.add(new AppliedAdjustment(indicator, column, IndicatorCalculator.EDITOR_EXCLUSIONS, count, AdjustmentSource.AGREGAT,
                "catalogue d'aménagements " + rules.code() + " : "
                        + String.join(", ", allowing.stream().map(CatalogueEntry::code).toList())));
        return count;
    }

    private String refusal(CatalogueEntry entry, Indicator indicator, Sector sector, MeasureWindow window,
                           PersonCodes codes) {
        if (!entry.indicators().contains(indicator)) {
            return "le motif " + entry.code() + " ne s'applique pas à l'indicateur " + indicator;
        }
        String unusable = unusable(entry, codes.category(), sector, window);
        if (unusable != null) {
            return unusable;
        }
        if (codes.codesPresent().contains(entry.code())) {
            return "remplacé par les codes individuels " + entry.code() + " des usagers de la fenêtre";
        }
        return null;
    }

    private static String unusable(CatalogueEntry entry, String category, Sector sector, MeasureWindow window) {
        if (!entry.inForceOn(window.end())) {
            return "motif " + entry.code() + " non en vigueur au " + window.end();
        }
        if (!entry.allowedFor(category, sector)) {
            return "motif " + entry.code() + " non autorisé pour la catégorie FINESS " + category + " (secteur "
                    + sector + ")";
        }
        return null;
    }

    private static List<Indicator> sortedIndicators(Collection<Indicator> indicators) {
        return indicators.stream().sorted().toList();
    }
}
