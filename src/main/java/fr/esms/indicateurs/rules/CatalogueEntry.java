package fr.esms.indicateurs.rules;

import java.time.LocalDate;
import java.util.Set;

/**
 * One allowed situation of the adjustment catalogue: persons carrying {@code code} may be removed from the
 * population of {@code indicators}, for ESSMS of the listed FINESS categories or sectors, while in force.
 */
public record CatalogueEntry(
        String code,
        String label,
        Set<Indicator> indicators,
        Set<String> categories,
        Set<Sector> sectors,
        LocalDate inForceFrom,
        LocalDate inForceUntil,
        String reference) {

    public CatalogueEntry {
        indicators = Set.copyOf(indicators);
        categories = Set.copyOf(categories);
        sectors = Set.copyOf(sectors);
    }

    public boolean allowedFor(String category, Sector sector) {
        return categories.contains(category) || sectors.contains(sector);
    }

    /** True when both periods share at least one day (an open bound is unlimited). */
    public boolean overlaps(CatalogueEntry other) {
        boolean startsBeforeOtherEnds = inForceFrom == null || other.inForceUntil == null
                || !inForceFrom.isAfter(other.inForceUntil);
        boolean otherStartsBeforeThisEnds = other.inForceFrom == null || inForceUntil == null
                || !other.inForceFrom.isAfter(inForceUntil);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public boolean inForceOn(LocalDate date) {
        return (inForceFrom == null || !inForceFrom.isAfter(date))
                && (inForceUntil == null || !inForceUntil.isBefore(date));
    }
}
