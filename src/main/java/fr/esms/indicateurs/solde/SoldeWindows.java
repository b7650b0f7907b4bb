package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RulesVersion;

import java.time.YearMonth;
import java.util.List;

/**
 * The two windows of a final measure, both ending with the measure month: one for the three DUI indicators, one
 * (chosen by the ARS) for MSS and DMP.
 */
public record SoldeWindows(MeasureWindow dui, MeasureWindow services) {

    /** The indicators a solde is decided on, in the order of the spec. */
    public static final List<Indicator> INDICATORS = List.of(Indicator.DOSSIERS_ACTIFS,
            Indicator.PROJET_PERSONNALISE, Indicator.AGENDA, Indicator.MSS, Indicator.DMP);

    public SoldeWindows {
        if (!dui.month().equals(services.month())) {
            throw new IllegalArgumentException("les deux fenêtres doivent finir le même mois");
        }
    }

    public YearMonth month() {
        return dui.month();
    }

    /** MSS and DMP are measured over the services window, the three DUI indicators over the DUI window. */
    public MeasureWindow of(Indicator indicator) {
        return RulesVersion.SERVICES.contains(indicator) ? services : dui;
    }
}
