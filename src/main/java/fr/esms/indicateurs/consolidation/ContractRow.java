package fr.esms.indicateurs.consolidation;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;

/**
 * One row of an output contract file read back: what the consolidation adds up. {@code denominator},
 * {@code target} and {@code attainment} are null for the counters (and the target when exempted).
 */
public record ContractRow(String finess, int windowMonths, Indicator indicator, long numerator, Long denominator,
                          Integer target, Attainment attainment) {

    /** Held to its target with a computable rate: counts in the pooled and the mean rates. */
    public boolean isRated() {
        return (attainment == Attainment.OUI || attainment == Attainment.NON) && denominator != null
                && denominator > 0;
    }

    /** Held to its target (reached, missed or not computable); exempted ones are not. */
    public boolean isHeld() {
        return attainment == Attainment.OUI || attainment == Attainment.NON || attainment == Attainment.NC;
    }
}
