package fr.esms.indicateurs.closing;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.util.List;
import java.util.Objects;

/**
 * One ESSMS and indicator whose numerator, denominator, rate or attainment differs between two revisions.
 *
 * @param before the row of the earlier revision, or null when it had none (an ESSMS added to the referential)
 * @param after  the row of the later revision, or null when it has none
 * @param causes the packages that fed the ESSMS in the later revision and not in the earlier one
 */
public record RevisionChange(String finess, Indicator indicator, IndicatorResult before, IndicatorResult after,
                             List<ClosedPackage> causes) {

    public RevisionChange {
        causes = List.copyOf(causes);
    }

    /** The attainment is not the same (NON to OUI, OUI to NC...): listed first. */
    public boolean attainmentFlips() {
        return !Objects.equals(attainment(before), attainment(after));
    }

    /** True when the two rows differ in what the diff shows: numerator, denominator, rate or attainment. */
    public static boolean differs(IndicatorResult before, IndicatorResult after) {
        if (before == null || after == null) {
            return before != after;
        }
        return before.numerator() != after.numerator()
                || !Objects.equals(before.denominator(), after.denominator())
                || !Objects.equals(before.rate(), after.rate())
                || before.attainment() != after.attainment();
    }

    private static Attainment attainment(IndicatorResult r) {
        return r == null ? null : r.attainment();
    }
}
