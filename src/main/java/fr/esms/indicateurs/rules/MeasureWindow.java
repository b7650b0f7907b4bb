package fr.esms.indicateurs.rules;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The window of a measure: the {@code months} whole calendar months ending with the measure month,
 * {@code [first day of M-N+1, last day of M]}.
 */
public record MeasureWindow(YearMonth month, int months) {

    public MeasureWindow {
        if (month == null) {
            throw new IllegalArgumentException("mois de mesure absent");
        }
        if (months < 1) {
            throw new IllegalArgumentException("fenêtre de " + months + " mois : au moins 1 mois attendu");
        }
    }

    public YearMonth firstMonth() {
        return month.minusMonths(months - 1L);
    }

    public LocalDate start() {
        return firstMonth().atDay(1);
    }

    public LocalDate end() {
        return month.atEndOfMonth();
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start()) && !date.isAfter(end());
    }

    public boolean contains(YearMonth m) {
        return m != null && !m.isBefore(firstMonth()) && !m.isAfter(month);
    }

    /** A period {@code [from, to]} (either end open when null) overlaps the window. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (from == null || !from.isAfter(end())) && (to == null || !to.isBefore(start()));
    }

    /** True when the period is exactly this window (declared adjustments). */
    public boolean isExactly(LocalDate from, LocalDate to) {
        return start().equals(from) && end().equals(to);
    }
}
