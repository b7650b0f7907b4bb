package fr.esms.indicateurs.alerte;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Classifies an ESSMS from its monthly history (the one-month windows already computed) and its project's
 * deadline. An estimate only: it reads the stored results and changes none of them.
 *
 * <ul>
 *   <li>held: the indicator's latest result up to the measure month has a target (exempted ones are left out);</li>
 *   <li>{@link Outlook#CIBLE_ATTEINTE}: the measure month's own result reaches the target (a fact, not a trend);</li>
 *   <li>{@link Outlook#A_RISQUE}: the deadline month is this month or past and the target is not reached; or
 *       the trend's rate at the deadline month is below the target (it reaches it later, or never when its slope
 *       is zero or negative);</li>
 *   <li>{@link Outlook#DONNEES_INSUFFISANTES}: no deadline, or fewer than {@value Trend#MIN_POINTS} months with a
 *       computable rate among the last {@value Trend#MAX_MONTHS} calendar months;</li>
 *   <li>{@link Outlook#EN_BONNE_VOIE}: otherwise (the trend's rate at the deadline month reaches the target).</li>
 * </ul>
 * The rate shown at the deadline is capped at 100 % but for MSS, whose numerator counts messages, not persons.
 */
public final class EarlyWarning {

    private EarlyWarning() {
    }

    /**
     * @param month    the measure month; later months of {@code monthly} are ignored
     * @param deadline the project's {@code date_fin_deploiement}, or null when unknown
     * @param monthly  the one-month-window results of the ESSMS by month
     */
    public static EssmsOutlook assess(String finess, String projetId, YearMonth month, LocalDate deadline,
                                      NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> monthly) {
        NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> upTo = monthly.headMap(month, true);
        YearMonth deadlineMonth = deadline == null ? null : YearMonth.from(deadline);
        List<IndicatorOutlook> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (indicator.isRated()) {
                held(indicator, upTo).ifPresent(target -> indicators.add(
                        assess(indicator, target, month, deadlineMonth, upTo)));
            }
        }
        Outlook outlook = indicators.isEmpty() ? Outlook.DONNEES_INSUFFISANTES : indicators.stream()
                .map(IndicatorOutlook::outlook).reduce(Outlook.CIBLE_ATTEINTE, Outlook::worse);
        return new EssmsOutlook(finess, projetId, month, deadlineMonth, indicators, outlook);
    }

    /** The target of the latest result of the indicator, when it has one (not exempted). */
    private static Optional<Integer> held(Indicator indicator,
                                          NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> history) {
        for (Map<Indicator, IndicatorResult> results : history.descendingMap().values()) {
            IndicatorResult result = results.get(indicator);
            if (result != null) {
                return result.attainment() == Attainment.EXEMPTE ? Optional.empty()
                        : Optional.ofNullable(result.target());
            }
        }
        return Optional.empty();
    }

    private static IndicatorOutlook assess(Indicator indicator, int target, YearMonth month, YearMonth deadline,
                                           NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> history) {
        List<Trend.Point> points = new ArrayList<>();
        history.tailMap(month.minusMonths(Trend.MAX_MONTHS - 1L), true).forEach((m, results) -> {
            Double percent = percent(results.get(indicator));
            if (percent != null) {
                points.add(new Trend.Point(m, percent));
            }
        });
        Trend.Point last = points.isEmpty() ? null : points.get(points.size() - 1);
        Double lastRate = last == null ? null : last.percent();
        YearMonth lastMonth = last == null ? null : last.month();
        Trend trend = Trend.fit(points).orElse(null);
        Long monthsLeft = deadline == null ? null : ChronoUnit.MONTHS.between(month, deadline);
        Double projected = trend == null || deadline == null ? null : trend.at(deadline);
        if (projected != null && indicator != Indicator.MSS) {
            // persons counted among persons: only the MSS rate (messages per person) may pass 100 %
            projected = Math.min(100.0, projected);
        }
        YearMonth reach = trend == null ? null : trend.firstMonthReaching(target, month).orElse(null);

        Map<Indicator, IndicatorResult> current = history.get(month);
        IndicatorResult now = current == null ? null : current.get(indicator);
        if (now != null && now.isReached()) {
            return new IndicatorOutlook(indicator, Outlook.CIBLE_ATTEINTE, target, lastMonth, lastRate, trend,
                    projected, reach, monthsLeft, null, "cible atteinte en " + Months.name(month) + " (mesure)");
        }
        Double pace = monthsLeft == null || monthsLeft <= 0 || lastRate == null ? null
                : (target - lastRate) / monthsLeft;
        Outlook outlook;
        String reason;
        if (deadline == null) {
            outlook = Outlook.DONNEES_INSUFFISANTES;
            reason = "date de fin de déploiement du projet inconnue";
        } else if (monthsLeft < 0) {
            outlook = Outlook.A_RISQUE;
            reason = "échéance de " + Months.name(deadline) + " passée, cible non atteinte";
        } else if (monthsLeft == 0) {
            outlook = Outlook.A_RISQUE;
            reason = "échéance ce mois-ci, cible non atteinte";
        } else if (trend == null) {
            outlook = Outlook.DONNEES_INSUFFISANTES;
            reason = points.size() + " mois avec un taux sur les " + Trend.MAX_MONTHS + " derniers : au moins "
                    + Trend.MIN_POINTS + " nécessaires pour une tendance";
        } else if (projected >= target - Trend.EPSILON) {
            outlook = Outlook.EN_BONNE_VOIE;
            reason = "la tendance atteint la cible en " + Months.name(reach) + ", avant l'échéance de "
                    + Months.name(deadline);
        } else {
            outlook = Outlook.A_RISQUE;
            reason = reach == null ? "tendance stable ou en baisse : la cible ne serait jamais atteinte"
                    : "la tendance n'atteint la cible qu'en " + Months.name(reach) + ", après l'échéance de "
                    + Months.name(deadline);
        }
        return new IndicatorOutlook(indicator, outlook, target, lastMonth, lastRate, trend, projected, reach,
                monthsLeft, pace, reason);
    }

    /** The exact rate in percent of a result held to its target and computable, else null. */
    static Double percent(IndicatorResult result) {
        if (result == null || result.denominator() == null || result.denominator() == 0
                || (result.attainment() != Attainment.OUI && result.attainment() != Attainment.NON)) {
            return null;
        }
        return result.numerator() * 100.0 / result.denominator();
    }
}
