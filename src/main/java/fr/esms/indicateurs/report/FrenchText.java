package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.AdjustmentSource;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.Sector;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Every French word the workbooks derive from the domain: labels, sentences, dates and numbers. */
final class FrenchText {

    /** Non-breaking space, for thousands and before units. */
    static final char NBSP = '\u00a0';

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FrenchText() {
    }

    static String indicator(Indicator indicator) {
        return switch (indicator) {
            case DOSSIERS_ACTIFS -> "Dossiers actifs";
            case PROJET_PERSONNALISE -> "Projet personnalisé";
            case AGENDA -> "Agenda";
            case MSS -> "Messagerie sécurisée (MSSanté)";
            case DMP -> "DMP (Mon espace santé)";
            case EPRESCRIPTION -> "e-prescription";
            case EPARCOURS -> "e-parcours";
        };
    }

    /** Short label, for column headers of the regional sheets and the chart legend. */
    static String indicatorShort(Indicator indicator) {
        return switch (indicator) {
            case DOSSIERS_ACTIFS -> "Dossiers actifs";
            case PROJET_PERSONNALISE -> "Projet personnalisé";
            case AGENDA -> "Agenda";
            case MSS -> "MSSanté";
            case DMP -> "DMP";
            case EPRESCRIPTION -> "e-prescriptions";
            case EPARCOURS -> "Échanges e-parcours";
        };
    }

    /** What is counted over what, in words. */
    static String definition(Indicator indicator) {
        return switch (indicator) {
            case DOSSIERS_ACTIFS -> "personnes ayant un dossier actif (mis à jour dans la fenêtre) / personnes accompagnées";
            case PROJET_PERSONNALISE -> "personnes ayant un dossier actif avec un projet personnalisé en préparation ou actif"
                    + " / personnes ayant un dossier actif";
            case AGENDA -> "personnes ayant un dossier actif avec au moins un événement d'agenda non annulé dans la"
                    + " fenêtre / personnes ayant un dossier actif";
            case MSS -> "messages envoyés par MSSanté dans la fenêtre / personnes accompagnées (le taux peut dépasser"
                    + " 100 %)";
            case DMP -> "personnes accompagnées ayant au moins un document déposé au DMP dans la fenêtre"
                    + " / personnes accompagnées";
            case EPRESCRIPTION -> "e-prescriptions importées dans le DUI pendant la fenêtre (compteur sans cible)";
            case EPARCOURS -> "échanges avec une plateforme e-parcours pendant la fenêtre (compteur sans cible)";
        };
    }

    static String attainment(Attainment attainment) {
        if (attainment == null) {
            return "";
        }
        return switch (attainment) {
            case OUI -> "Oui";
            case NON -> "Non";
            case EXEMPTE -> "Exempté";
            case NC -> "NC";
        };
    }

    static String yesNo(boolean value) {
        return value ? "Oui" : "Non";
    }

    /** The gap in words: "il manque 3 dossiers actifs avec projet personnalisé", "cible atteinte", ... */
    static String gapSentence(IndicatorResult result, Sector sector) {
        if (!result.indicator().isRated() || result.attainment() == null) {
            return "compteur sans cible : " + integer(result.numerator()) + " sur la fenêtre";
        }
        return switch (result.attainment()) {
            case OUI -> "cible atteinte";
            case NC -> "non calculable (dénominateur nul)";
            case EXEMPTE -> "exempté (" + lowerFirst(sector == null ? "" : sector.label()) + ")";
            case NON -> "il manque " + integer(result.gap()) + " " + unit(result.indicator(), result.gap());
        };
    }

    /** The unit the gap of an indicator is counted in, singular or plural. */
    private static String unit(Indicator indicator, long count) {
        boolean plural = count > 1;
        return switch (indicator) {
            case DOSSIERS_ACTIFS -> plural ? "dossiers actifs" : "dossier actif";
            case PROJET_PERSONNALISE -> (plural ? "dossiers actifs" : "dossier actif") + " avec projet personnalisé";
            case AGENDA -> (plural ? "dossiers actifs" : "dossier actif") + " avec un événement d'agenda";
            case MSS -> plural ? "messages MSSanté" : "message MSSanté";
            case DMP -> (plural ? "personnes" : "personne") + " avec un document déposé au DMP";
            case EPRESCRIPTION, EPARCOURS -> "";
        };
    }

    static String source(AdjustmentSource source) {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case CODE_USAGER -> "Code porté par l'usager (usagers.csv)";
            case DECLARE -> "Aménagement déclaré, validé par l'ARS";
            case AGREGAT -> "Comptage agrégé de l'éditeur (agregats.csv)";
        };
    }

    static String sector(Sector sector) {
        if (sector == null) {
            return "";
        }
        return sector == Sector.AUTRE ? sector.label() : sector.label() + " (" + sector.name() + ")";
    }

    /** "mars 2025". */
    static String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.FRENCH) + " " + month.getYear();
    }

    /** "3 mois, du 01/01/2025 au 31/03/2025". */
    static String window(MeasureWindow window) {
        return window.months() + " mois, du " + date(window.start()) + " au " + date(window.end());
    }

    static String window(YearMonth month, int months) {
        return window(new MeasureWindow(month, months));
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "12 345", grouped with non-breaking spaces. */
    static String integer(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(NBSP);
            }
            out.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + out;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
