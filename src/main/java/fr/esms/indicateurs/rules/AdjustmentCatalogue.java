package fr.esms.indicateurs.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The versioned catalogue of allowed denominator adjustments: data, edited by ARS as national decisions come. */
public final class AdjustmentCatalogue {

    private final Map<String, CatalogueEntry> byCode;

    public AdjustmentCatalogue(Collection<CatalogueEntry> entries) {
        this.byCode = entries.stream()
                .collect(Collectors.toUnmodifiableMap(CatalogueEntry::code, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("code d'aménagement en double dans le catalogue : " + a.code());
                }));
    }

    public Optional<CatalogueEntry> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<CatalogueEntry> entries() {
        return byCode.values().stream().sorted(java.util.Comparator.comparing(CatalogueEntry::code)).toList();
    }
}
