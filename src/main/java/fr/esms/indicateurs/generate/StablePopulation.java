package fr.esms.indicateurs.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The persons one ESSMS accompanies month after month, as a real DUI exports them: the same stays, records and
 * projets personnalisés each month, a few exits and as many entries. Advanced one month at a time, oldest first;
 * what a month holds depends only on the seed, the ESSMS and the months before it.
 *
 * <p>A stay that ends is exported with its {@code date_sortie} in the month of the exit, then no longer (exports
 * carry the accompaniments of their period); its last version stays in the base as the latest of its key.
 */
final class StablePopulation {

    /** Chance that a person accompanied at the start of a month leaves during it: a stay of about four years. */
    static final double MONTHLY_EXIT_RATE = 0.02;

    /** Status of a stay's projet personnalisé; NONE: no project in the DUI. */
    enum PpStatus { NONE, EN_PREPARATION, ACTIF, CLOS }

    /**
     * One stay as exported in a month: person number {@code number} (ids U, D and PP + number), the exit date if
     * it ends in that month, the record's last update as of the extraction, the project's state.
     */
    record Stay(int number, LocalDate entry, LocalDate exit, LocalDate lastUpdate, boolean updatedThisMonth,
                PpStatus pp, LocalDate ppStart, LocalDate ppEnd) {

        String usagerId() {
            return "U" + number;
        }

        String dossierId() {
            return "D" + number;
        }

        String ppId() {
            return "PP" + number;
        }
    }

    private final double usage;
    private List<Stay> present;
    private int nextNumber;
    private YearMonth lastMonth;

    /**
     * The population of the first month: {@code size} persons entered before it, numbered from 0, drawn from the
     * ESSMS's own stream {@code stable}.
     */
    StablePopulation(int size, double usage, YearMonth firstMonth, SplittableRandom stable) {
        this.usage = usage;
        LocalDate start = firstMonth.atDay(1);
        List<Stay> initial = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
            LocalDate entry = start.minusDays(30 + stable.nextInt(2000));
            LocalDate lastUpdate = start.minusDays(1 + stable.nextInt(200));
            int pp = stable.nextInt(100);
            PpStatus status = pp < usage * 100 ? (p % 10 == 0 ? PpStatus.EN_PREPARATION : PpStatus.ACTIF)
                    : pp % 2 == 0 ? PpStatus.CLOS : PpStatus.NONE;
            initial.add(new Stay(p, entry, null, lastUpdate, false, status,
                    status == PpStatus.ACTIF || status == PpStatus.CLOS ? entry.plusDays(30) : null,
                    status == PpStatus.CLOS ? start.minusDays(10) : null));
        }
        this.present = initial;
        this.nextNumber = size;
        this.lastMonth = firstMonth.minusMonths(1);
    }

    /**
     * The stays exported for {@code month}, the month after the last one asked: the persons still there from
     * the month before (some leaving during it), then the newcomers, as many as left the month before.
     */
    List<Stay> advance(YearMonth month, SplittableRandom random) {
        if (!month.equals(lastMonth.plusMonths(1))) {
            throw new IllegalStateException("months out of order: " + month + " after " + lastMonth);
        }
        LocalDate start = month.atDay(1);
        int days = month.lengthOfMonth();
        List<Stay> exported = new ArrayList<>(present.size() + 4);
        int left = 0;
        for (Stay s : present) {
            if (s.exit() != null) {
                left++;
                continue;
            }
            exported.add(next(s, start, days, random));
        }
        for (int k = 0; k < left; k++) {
            LocalDate entry = start.plusDays(random.nextInt(days));
            exported.add(new Stay(nextNumber++, entry, null, entry, true, PpStatus.EN_PREPARATION, null, null));
        }
        present = exported;
        lastMonth = month;
        return exported;
    }

    /** A stay of the month before, one month on: maybe an exit, maybe an update, maybe its project moving on. */
    private Stay next(Stay s, LocalDate start, int days, SplittableRandom random) {
        LocalDate exit = random.nextDouble() < MONTHLY_EXIT_RATE ? start.plusDays(random.nextInt(days)) : null;
        boolean updated = exit != null || random.nextDouble() < usage;
        LocalDate lastUpdate = updated ? latest(s.lastUpdate(), start.plusDays(random.nextInt(days)))
                : s.lastUpdate();
        if (exit != null && lastUpdate.isAfter(exit)) {
            lastUpdate = exit;
        }
        PpStatus pp = s.pp();
        LocalDate ppStart = s.ppStart();
        LocalDate ppEnd = s.ppEnd();
        if (exit != null && pp != PpStatus.NONE && pp != PpStatus.CLOS) {
            // the project is closed with the stay
            pp = PpStatus.CLOS;
            ppStart = ppStart == null ? s.entry() : ppStart;
            ppEnd = exit;
        } else if (pp == PpStatus.EN_PREPARATION && random.nextDouble() < usage / 3) {
            pp = PpStatus.ACTIF;
            ppStart = start.plusDays(random.nextInt(days));
        }
        return new Stay(s.number(), s.entry(), exit, lastUpdate, updated, pp, ppStart, ppEnd);
    }

    /** The share of persons whose DUI is used in a month, drawn once for the ESSMS. */
    double usage() {
        return usage;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
