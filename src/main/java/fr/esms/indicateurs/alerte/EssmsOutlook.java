package fr.esms.indicateurs.alerte;

import fr.esms.indicateurs.rules.Indicator;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The early warning of one ESSMS at a measure month: one entry per indicator it is held to, and its class, the
 * worst of them ({@link Outlook#DONNEES_INSUFFISANTES} when it is held to none or has no history).
 *
 * @param deadline the month of its project's {@code date_fin_deploiement}, or null when unknown
 */
public record EssmsOutlook(String finess, String projetId, YearMonth month, YearMonth deadline,
                           List<IndicatorOutlook> indicators, Outlook outlook) {

    public EssmsOutlook {
        Objects.requireNonNull(finess, "FINESS absent");
        Objects.requireNonNull(month, "mois absent");
        indicators = List.copyOf(indicators);
        Objects.requireNonNull(outlook, "classe absente");
    }

    public Optional<IndicatorOutlook> indicator(Indicator indicator) {
        return indicators.stream().filter(i -> i.indicator() == indicator).findFirst();
    }
}
