package fr.esms.indicateurs.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The versioned catalogue of allowed denominator adjustments: data, edited by ARS as national decisions come. A code
 * may have several entries when their in-force periods do not overlap (a decision that changes its scope from a
 * date).
 */
public final class AdjustmentCatalogue {

    private static final Comparator<CatalogueEntry> BY_START = Comparator.comparing(CatalogueEntry::inForceFrom,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<String, List<CatalogueEntry>> byCode = new TreeMap<>();

    public AdjustmentCatalogue(Collection<CatalogueEntry> entries) {
        for (CatalogueEntry entry : entries) {
            List<CatalogueEntry> same = byCode.computeIfAbsent(entry.code(), c -> new ArrayList<>());
            for (CatalogueEntry other : same) {
                if (entry.overlaps(other)) {
                    throw new IllegalArgumentException("code d'aménagement en double dans le catalogue, sur des "
                            + "périodes qui se chevauchent : " + entry.code());
                }
            }
            same.add(entry);
            same.sort(BY_START);
        }
        byCode.replaceAll((code, list) -> List.copyOf(list));
    }

    /** The entry of this code (the latest one when it has several). */
    public Optional<CatalogueEntry> find(String code) {
        List<CatalogueEntry> entries = byCode.get(code);
        return entries == null ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /** The entry of this code in force on that day, else (to say it is not in force) its latest one. */
    public Optional<CatalogueEntry> find(String code, LocalDate on) {
        List<CatalogueEntry> entries = byCode.get(code);
        if (entries == null) {
            return Optional.empty();
        }
        return entries.stream().filter(e -> e.inForceOn(on)).findFirst()
                .or(() -> Optional.of(entries.get(entries.size() - 1)));
    }

    /** By code, then start of the period. */
    public List<CatalogueEntry> entries() {
        return byCode.values().stream().flatMap(List::stream).toList();
    }
}
