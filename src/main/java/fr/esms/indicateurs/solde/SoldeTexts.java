package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.referential.Project.FundingType;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The French wording of the solde proof. */
public final class SoldeTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private SoldeTexts() {
    }

    public static String indicator(Indicator indicator) {
        return switch (indicator) {
            case DOSSIERS_ACTIFS -> "Dossiers actifs";
            case PROJET_PERSONNALISE -> "Projet personnalisé";
            case AGENDA -> "Agenda";
            case MSS -> "Messagerie sécurisée (MSS)";
            case DMP -> "DMP";
            case EPRESCRIPTION -> "E-prescription";
            case EPARCOURS -> "E-parcours";
        };
    }

    public static String attainment(Attainment attainment) {
        return switch (attainment) {
            case OUI -> "Oui";
            case NON -> "Non";
            case EXEMPTE -> "Exempté (PJM)";
            case NC -> "Non calculable (dénominateur nul)";
        };
    }

    /** " : manque 3" or " : non calculable" for a missed target. */
    static String shortfall(IndicatorResult r) {
        return r.attainment() == Attainment.NC ? " : non calculable" : " : manque " + r.gap();
    }

    public static String funding(FundingType type) {
        return switch (type) {
            case ACQUISITION -> "Acquisition";
            case MONTEE_VERSION -> "Montée de version";
        };
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "3 mois, du 01/08/2026 au 31/10/2026". */
    public static String window(MeasureWindow window) {
        return window.months() + " mois, du " + date(window.start()) + " au " + date(window.end());
    }

    /** "la fenêtre du 01/08/2026 au 31/10/2026", or both windows when they differ. */
    public static String windows(SoldeWindows windows) {
        MeasureWindow dui = windows.dui();
        MeasureWindow services = windows.services();
        if (dui.equals(services)) {
            return "la fenêtre du " + date(dui.start()) + " au " + date(dui.end());
        }
        return "les fenêtres du " + date(dui.start()) + " au " + date(dui.end()) + " (indicateurs DUI) et du "
                + date(services.start()) + " au " + date(services.end()) + " (MSS et DMP)";
    }
}
