package fr.esms.indicateurs.closing;

import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows that changed between two sets of figures of the same (month, window), with their causes. Pure: the
 * caller reads both sides from the database.
 */
public final class RevisionDiff {

    /** One side: the rows by FINESS then indicator, and the packages (SHA-256) that fed each FINESS. */
    public record Side(Map<String, Map<Indicator, IndicatorResult>> rows, Map<String, Set<String>> packagesByFiness) {
    }

    private RevisionDiff() {
    }

    /**
     * Every FINESS and indicator whose figures differ: attainment flips first, then by FINESS, then by indicator
     * name (the order of the output contract). Causes: packages that fed the FINESS after and not before, in the
     * order of {@code packages} (the later revision's list).
     */
    public static List<RevisionChange> between(Side before, Side after, List<ClosedPackage> packages) {
        Set<String> finess = new TreeSet<>(before.rows().keySet());
        finess.addAll(after.rows().keySet());
        List<RevisionChange> changes = new ArrayList<>();
        for (String f : finess) {
            Map<Indicator, IndicatorResult> old = before.rows().getOrDefault(f, Map.of());
            Map<Indicator, IndicatorResult> now = after.rows().getOrDefault(f, Map.of());
            Set<Indicator> indicators = new TreeSet<>(Comparator.comparing(Indicator::name));
            indicators.addAll(old.keySet());
            indicators.addAll(now.keySet());
            List<ClosedPackage> causes = null;
            for (Indicator i : indicators) {
                if (RevisionChange.differs(old.get(i), now.get(i))) {
                    if (causes == null) {
                        causes = causes(f, before, after, packages);
                    }
                    changes.add(new RevisionChange(f, i, old.get(i), now.get(i), causes));
                }
            }
        }
        changes.sort(Comparator.comparing((RevisionChange c) -> !c.attainmentFlips())
                .thenComparing(RevisionChange::finess)
                .thenComparing(c -> c.indicator().name()));
        return List.copyOf(changes);
    }

    /** How many distinct ESSMS these changes concern. */
    public static long essmsCount(List<RevisionChange> changes) {
        return changes.stream().map(RevisionChange::finess).distinct().count();
    }

    private static List<ClosedPackage> causes(String finess, Side before, Side after, List<ClosedPackage> packages) {
        Set<String> old = before.packagesByFiness().getOrDefault(finess, Set.of());
        Set<String> now = after.packagesByFiness().getOrDefault(finess, Set.of());
        return packages.stream().filter(p -> now.contains(p.sha256()) && !old.contains(p.sha256())).toList();
    }
}
