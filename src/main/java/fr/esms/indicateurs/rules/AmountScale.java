package fr.esms.indicateurs.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The solde amounts of a rules version: per financing type, per rank, and where it matters per Ségur referencing. */
public record AmountScale(List<AmountRow> rows) {

    public AmountScale {
        rows = rows.stream().sorted(Comparator.comparing(AmountRow::funding).thenComparingInt(AmountRow::fromRank)
                .thenComparing(r -> String.valueOf(r.segurReferenced()))).toList();
    }

    /** True when the amounts of this financing type at this rank differ by the Ségur referencing of the software. */
    public boolean dependsOnSegur(String funding, int rank) {
        int from = applicableRank(funding, rank);
        return rows.stream().anyMatch(r -> r.funding().equals(funding) && r.fromRank() == from
                && r.segurReferenced() != null);
    }

    /**
     * The line for the ESSMS of this rank (1 = first) of a project of this financing type.
     *
     * @param segurReferenced whether the software is Ségur-referenced, or null when not known
     * @return empty when the scale has no line for it (or it depends on the referencing and that is not known)
     */
    public Optional<AmountRow> find(String funding, int rank, Boolean segurReferenced) {
        if (rank < 1) {
            throw new IllegalArgumentException("rang " + rank + " : le premier ESSMS a le rang 1");
        }
        int from = applicableRank(funding, rank);
        return rows.stream()
                .filter(r -> r.funding().equals(funding) && r.fromRank() == from)
                .filter(r -> r.segurReferenced() == null || r.segurReferenced().equals(segurReferenced))
                .findFirst();
    }

    /** The highest "from rank" of the financing type that is at most {@code rank}; 0 when there is none. */
    private int applicableRank(String funding, int rank) {
        return rows.stream().filter(r -> r.funding().equals(funding) && r.fromRank() <= rank)
                .mapToInt(AmountRow::fromRank).max().orElse(0);
    }
}
