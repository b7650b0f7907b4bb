package fr.esms.indicateurs.alerte;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/** French words of the early warning: months and paces. */
public final class Months {

    private Months() {
    }

    /** "juin 2027". */
    public static String name(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + month.getYear();
    }

    /** "+2,1 points par mois", rounded to the tenth. */
    public static String pace(double pointsPerMonth) {
        return String.format(Locale.FRENCH, "%+.1f points par mois", pointsPerMonth);
    }
}
