package fr.esms.indicateurs.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The usable person-level codes of the window, and the codes that were refused. */
record PersonCodes(String category, Map<Indicator, Map<CatalogueEntry, Set<String>>> usableByIndicator,
                   Set<String> codesPresent, List<RefusedAdjustment> refused) {

    /**
     * The persons of {@code population} that usable codes remove from {@code indicator}, each counted once;
     * adds to {@code applied} one line per code with the persons of the population carrying it.
     */
    Set<String> removedFrom(Indicator indicator, Set<String> population, List<AppliedAdjustment> applied) {
        Set<String> removed = new HashSet<>();
        usableByIndicator.getOrDefault(indicator, Map.of()).forEach((entry, persons) -> {
            long carrying = 0;
            for (String person : persons) {
                if (population.contains(person)) {
                    removed.add(person);
                    carrying++;
                }
            }
            if (carrying > 0) {
                applied.add(new AppliedAdjustment(indicator, entry.code(), entry.label(), carrying,
                        AdjustmentSource.CODE_USAGER, entry.reference()));
            }
        });
        return removed;
    }
}
