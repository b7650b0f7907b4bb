package fr.esms.indicateurs.alerte;

import fr.esms.indicateurs.rules.Indicator;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The early warning of one indicator of one ESSMS: an estimate, never a figure of the rules.
 *
 * @param target             the target in percent
 * @param lastMonth          the latest month with a computable rate, or null when none
 * @param lastRate           its exact rate in percent, or null
 * @param trend              the fitted line, or null when there are too few measured months
 * @param projectedAtDeadline the line's rate at the deadline month, or null without trend or deadline
 * @param reachMonth         the month the line reaches the target, or null when it never does or without trend
 * @param monthsLeft         calendar months from the measure month to the deadline month (0 or less: passed);
 *                           null without deadline
 * @param paceNeeded         points per month needed from the last rate to reach the target at the deadline, or
 *                           null when reached, without deadline or last rate, or with no month left
 * @param reason             why, in French
 */
public record IndicatorOutlook(Indicator indicator, Outlook outlook, int target, YearMonth lastMonth,
                               Double lastRate, Trend trend, Double projectedAtDeadline, YearMonth reachMonth,
                               Long monthsLeft, Double paceNeeded, String reason) {

    public IndicatorOutlook {
        Objects.requireNonNull(indicator, "indicateur absent");
        Objects.requireNonNull(outlook, "classe absente");
    }
}
