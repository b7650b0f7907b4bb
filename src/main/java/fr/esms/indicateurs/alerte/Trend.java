package fr.esms.indicateurs.alerte;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The least-squares line of a rate (in percentage points) over measured months: {@code rate(m) = intercept +
 * slope × (months from origin to m)}. Months are placed on a calendar axis, so a month without a measure leaves a
 * gap instead of squeezing the line.
 *
 * <p>Least squares over a few recent months rather than the last two points: one bad export moves a two-point
 * slope a lot, while three to six points smooth it, and a line keeps the estimate readable for an ARS officer
 * ("+2,1 points par mois").
 */
public record Trend(YearMonth origin, double intercept, double slope, int points) {

    /** A trend needs at least this many measured months. */
    public static final int MIN_POINTS = 3;
    /** Only the measured months among the last this many calendar months count. */
    public static final int MAX_MONTHS = 6;
    /** Rates are compared with this tolerance, so 74.99999999 from floating-point sums counts as 75. */
    static final double EPSILON = 1e-9;

    /** One measured month: the exact rate in percent (92.5 for 92,5 %). */
    public record Point(YearMonth month, double percent) {
        public Point {
            Objects.requireNonNull(month, "mois absent");
        }
    }

    public Trend {
        Objects.requireNonNull(origin, "origine absente");
    }

    /**
     * The least-squares line through the points, or empty with fewer than {@link #MIN_POINTS} points or when
     * they all fall in one month. The caller chooses which points (see {@link EarlyWarning}).
     */
    public static Optional<Trend> fit(List<Point> points) {
        if (points.size() < MIN_POINTS) {
            return Optional.empty();
        }
        YearMonth origin = points.stream().map(Point::month).min(YearMonth::compareTo).orElseThrow();
        double n = points.size();
        double meanX = 0;
        double meanY = 0;
        for (Point p : points) {
            meanX += offset(origin, p.month());
            meanY += p.percent();
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            double dx = offset(origin, p.month()) - meanX;
            sxy += dx * (p.percent() - meanY);
            sxx += dx * dx;
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        return Optional.of(new Trend(origin, meanY - slope * meanX, slope, points.size()));
    }

    /** The rate the line gives for a month (never below 0 %). */
    public double at(YearMonth month) {
        return Math.max(0, intercept + slope * offset(origin, month));
    }

    /**
     * The first month from {@code from} on where the line reaches {@code targetPercent}, or empty when it never
     * does (a slope of zero or less with the line below the target at {@code from}).
     */
    public Optional<YearMonth> firstMonthReaching(double targetPercent, YearMonth from) {
        if (at(from) >= targetPercent - EPSILON) {
            return Optional.of(from);
        }
        if (slope <= 0) {
            return Optional.empty();
        }
        long x = (long) Math.ceil((targetPercent - intercept) / slope);
        YearMonth month = origin.plusMonths(x);
        // ceil on doubles may land one month early on a value like 2.0000000001
        while (at(month) < targetPercent - EPSILON) {
            month = month.plusMonths(1);
        }
        return Optional.of(month.isBefore(from) ? from : month);
    }

    static long offset(YearMonth origin, YearMonth month) {
        return ChronoUnit.MONTHS.between(origin, month);
    }
}
