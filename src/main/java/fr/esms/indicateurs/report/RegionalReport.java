package fr.esms.indicateurs.report;

import fr.esms.indicateurs.alerte.EssmsOutlook;
import fr.esms.indicateurs.closing.ClosedMonth;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The regional workbook of one measure month: one row per ESSMS of the referential (with or without data).
 *
 * @param projects  the projects of the referential; a project only named by rows is shown too
 * @param lateAfter exports that arrived after this day are listed as late; null to skip the check. See
 *                  {@link #deadline(YearMonth, int)} for "the N-th day of the following month"
 * @param outlooks  the early warning of the ESSMS (sheet "Projets à risque"); empty when not estimated
 * @param closed    the revision shown when the month is closed (its notice, and the changes it brought for the
 *                  Révisions sheet); null when the month is not closed
 */
public record RegionalReport(YearMonth month, int windowMonths, List<RegionalRow> rows,
                             List<ProjectInfo> projects, LocalDate lateAfter, List<EssmsOutlook> outlooks,
                             ClosedMonth closed) {

    /** No estimate, a month not closed. */
    public RegionalReport(YearMonth month, int windowMonths, List<RegionalRow> rows, List<ProjectInfo> projects,
                          LocalDate lateAfter) {
        this(month, windowMonths, rows, projects, lateAfter, List.of(), null);
    }

    public RegionalReport(YearMonth month, int windowMonths, List<RegionalRow> rows, List<ProjectInfo> projects,
                          LocalDate lateAfter, List<EssmsOutlook> outlooks) {
        this(month, windowMonths, rows, projects, lateAfter, outlooks, null);
    }

    public RegionalReport {
        Objects.requireNonNull(month, "mois de mesure absent");
        if (windowMonths < 1) {
            throw new IllegalArgumentException("fenêtre de " + windowMonths + " mois : au moins 1 mois attendu");
        }
        rows = rows == null ? List.of() : List.copyOf(rows);
        projects = projects == null ? List.of() : List.copyOf(projects);
        outlooks = outlooks == null ? List.of() : List.copyOf(outlooks);
    }

    /** The last day an export of {@code month} is on time: day {@code day} of the following month (capped). */
    public static LocalDate deadline(YearMonth month, int day) {
        YearMonth next = month.plusMonths(1);
        return next.atDay(Math.max(1, Math.min(day, next.lengthOfMonth())));
    }
}
