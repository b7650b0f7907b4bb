package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts of a group of ESSMS (a département, a sector, an editor, a project, the region), filled in one pass.
 *
 * <p>For each rated indicator: the ESSMS with data held to its target ({@code OUI}, {@code NON} or {@code NC};
 * an exempted one is not held), those reaching it, and the mean of the exact rates of the ESSMS that have one
 * and are held (each ESSMS weighs the same; not computable and exempted ones are left out of the mean).
 */
final class GroupStats {

    static final List<Indicator> RATED = EssmsWorkbookWriter.RATED;

    final String label;
    int essms;
    int withData;
    int late;
    int reachingAll;
    long duiActifs;
    final int[] held = new int[RATED.size()];
    final int[] reached = new int[RATED.size()];
    final int[] notComputable = new int[RATED.size()];
    final int[] exempted = new int[RATED.size()];
    private final int[] rated = new int[RATED.size()];
    private final double[] rateSum = new double[RATED.size()];
    private final Integer[] target = new Integer[RATED.size()];

    GroupStats(String label) {
        this.label = label;
    }

    void add(RegionalRow row, LocalDate lateAfter) {
        essms++;
        EssmsMeasure measure = row.measure();
        if (measure == null) {
            return;
        }
        withData++;
        if (row.isLate(lateAfter)) {
            late++;
        }
        if (measure.reachesAllTargets()) {
            reachingAll++;
        }
        for (IndicatorResult result : measure.results()) {
            if (result.indicator() == Indicator.DOSSIERS_ACTIFS) {
                duiActifs += result.numerator();
            }
            int i = RATED.indexOf(result.indicator());
            if (i < 0 || result.attainment() == null) {
                continue;
            }
            if (target[i] == null) {
                target[i] = result.target();
            }
            switch (result.attainment()) {
                case OUI, NON -> {
                    held[i]++;
                    rated[i]++;
                    rateSum[i] += (double) result.numerator() / result.denominator();
                    if (result.isReached()) {
                        reached[i]++;
                    }
                }
                case NC -> {
                    held[i]++;
                    notComputable[i]++;
                }
                case EXEMPTE -> exempted[i]++;
            }
        }
    }

    int withoutData() {
        return essms - withData;
    }

    /** Mean rate as a fraction, or null when no ESSMS of the group has one. */
    Double meanRate(int i) {
        return rated[i] == 0 ? null : rateSum[i] / rated[i];
    }

    /** Share of the ESSMS held to the target that reach it, or null when none is held. */
    Double shareReached(int i) {
        return held[i] == 0 ? null : (double) reached[i] / held[i];
    }

    Double shareReachingAll() {
        return withData == 0 ? null : (double) reachingAll / withData;
    }

    /** The target of the indicator (from the measures), or null when none was seen. */
    Integer target(int i) {
        return target[i];
    }
}
