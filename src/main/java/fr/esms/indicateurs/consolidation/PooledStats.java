package fr.esms.indicateurs.consolidation;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Counts of a group of ESSMS for the national workbook (a region, a sector, an editor, an organisme
 * gestionnaire, the nation), filled one ESSMS at a time. For each rated indicator: the ESSMS held to the target
 * ({@code OUI}, {@code NON} or {@code NC}), those reaching it, and over the held ESSMS with a computable rate both
 * the pooled rate (Σ numerators / Σ denominators: each person weighs the same) and the simple mean of their rates
 * (each ESSMS weighs the same, as the regional workbook gives it).
 */
public final class PooledStats {

    public static final List<Indicator> RATED = Arrays.stream(Indicator.values()).filter(Indicator::isRated)
            .toList();

    private final String label;
    private int essms;
    private long duiActifs;
    private long eprescriptions;
    private long eparcours;
    private final int[] held = new int[RATED.size()];
    private final int[] reached = new int[RATED.size()];
    private final int[] rated = new int[RATED.size()];
    private final long[] numerators = new long[RATED.size()];
    private final long[] denominators = new long[RATED.size()];
    private final double[] rateSums = new double[RATED.size()];
    private final Integer[] targets = new Integer[RATED.size()];

    public PooledStats(String label) {
        this.label = label;
    }

    void add(Map<Indicator, ContractRow> figures) {
        essms++;
        for (ContractRow row : figures.values()) {
            switch (row.indicator()) {
                case DOSSIERS_ACTIFS -> duiActifs += row.numerator();
                case EPRESCRIPTION -> eprescriptions += row.numerator();
                case EPARCOURS -> eparcours += row.numerator();
                default -> {
                }
            }
            int i = RATED.indexOf(row.indicator());
            if (i < 0 || !row.isHeld()) {
                continue;
            }
            held[i]++;
            if (targets[i] == null) {
                targets[i] = row.target();
            }
            if (row.attainment() == Attainment.OUI) {
                reached[i]++;
            }
            if (row.isRated()) {
                rated[i]++;
                numerators[i] += row.numerator();
                denominators[i] += row.denominator();
                rateSums[i] += (double) row.numerator() / row.denominator();
            }
        }
    }

    public String label() {
        return label;
    }

    public int essms() {
        return essms;
    }

    /** Σ of the numerators of Dossiers actifs: the persons with an active DUI record. */
    public long duiActifs() {
        return duiActifs;
    }

    public long eprescriptions() {
        return eprescriptions;
    }

    public long eparcours() {
        return eparcours;
    }

    public int held(Indicator indicator) {
        return held[RATED.indexOf(indicator)];
    }

    public int reached(Indicator indicator) {
        return reached[RATED.indexOf(indicator)];
    }

    public long numerators(Indicator indicator) {
        return numerators[RATED.indexOf(indicator)];
    }

    public long denominators(Indicator indicator) {
        return denominators[RATED.indexOf(indicator)];
    }

    /** Σ numerators / Σ denominators over the held ESSMS with a computable rate, as a fraction; null when none. */
    public Double pooledRate(Indicator indicator) {
        int i = RATED.indexOf(indicator);
        return denominators[i] == 0 ? null : (double) numerators[i] / denominators[i];
    }

    /** The simple mean of the same ESSMS's rates, as a fraction; null when none. */
    public Double meanRate(Indicator indicator) {
        int i = RATED.indexOf(indicator);
        return rated[i] == 0 ? null : rateSums[i] / rated[i];
    }

    /** Share of the held ESSMS reaching the target; null when none is held. */
    public Double shareReached(Indicator indicator) {
        int i = RATED.indexOf(indicator);
        return held[i] == 0 ? null : (double) reached[i] / held[i];
    }

    /** The target seen on the rows (percent), or null. */
    public Integer target(Indicator indicator) {
        return targets[RATED.indexOf(indicator)];
    }
}
