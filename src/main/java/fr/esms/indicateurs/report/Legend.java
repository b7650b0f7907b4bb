package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.IndicatorResult;

/**
 * The colour bands of every workbook, defined here and nowhere else.
 *
 * <ul>
 *   <li>green: target reached (decided by the rules on exact integers);</li>
 *   <li>orange: not reached, at most {@value #CLOSE_MARGIN_POINTS} points below the target
 *       ({@code rate >= target - 10}: 80 % is orange for a 90 % target);</li>
 *   <li>red: more than {@value #CLOSE_MARGIN_POINTS} points below the target;</li>
 *   <li>grey: no target to compare with: not computable (zero denominator), exempted, or a counter.</li>
 * </ul>
 *
 * Colour is never the only signal: the attainment is always written out next to the rate.
 */
public final class Legend {

    /** Width of the orange band, in percentage points below the target. */
    public static final int CLOSE_MARGIN_POINTS = 10;

    public enum Band {
        REACHED("C6EFCE", "006100", "Vert", "cible atteinte"),
        CLOSE("FFD59E", "7F4000", "Orange",
                "cible non atteinte, à " + CLOSE_MARGIN_POINTS + " points ou moins de la cible"),
        FAR("FFC7CE", "9C0006", "Rouge",
                "cible non atteinte, à plus de " + CLOSE_MARGIN_POINTS + " points de la cible"),
        NEUTRAL("D9D9D9", "404040", "Gris",
                "sans objet : non calculable (dénominateur nul), exempté, ou compteur sans cible");

        private final String fillRgb;
        private final String fontRgb;
        private final String colourName;
        private final String meaning;

        Band(String fillRgb, String fontRgb, String colourName, String meaning) {
            this.fillRgb = fillRgb;
            this.fontRgb = fontRgb;
            this.colourName = colourName;
            this.meaning = meaning;
        }

        /** Fill colour, {@code RRGGBB}. */
        public String fillRgb() {
            return fillRgb;
        }

        /** Font colour on that fill, {@code RRGGBB}. */
        public String fontRgb() {
            return fontRgb;
        }

        /** French name of the colour, for the legend. */
        public String colourName() {
            return colourName;
        }

        /** French meaning, for the legend. */
        public String meaning() {
            return meaning;
        }
    }

    private Legend() {
    }

    /** The band of one ESSMS result: exact integers, like the attainment itself. */
    public static Band of(IndicatorResult result) {
        if (result == null || result.attainment() == null) {
            return Band.NEUTRAL;
        }
        return switch (result.attainment()) {
            case OUI -> Band.REACHED;
            case EXEMPTE, NC -> Band.NEUTRAL;
            case NON -> {
                long lowerBound = (long) (result.target() - CLOSE_MARGIN_POINTS) * result.denominator();
                yield result.numerator() * 100 >= lowerBound ? Band.CLOSE : Band.FAR;
            }
        };
    }

    /**
     * The band of an aggregated rate (a mean of ESSMS rates, as a fraction: 0.925 for 92,5 %) against a target
     * in percent; grey when either is missing.
     */
    public static Band ofRate(Double rate, Integer target) {
        if (rate == null || target == null || rate.isNaN()) {
            return Band.NEUTRAL;
        }
        // a mean of exact fractions: tolerate the floating-point noise around the boundaries
        double points = rate * 100 + 1e-9;
        if (points >= target) {
            return Band.REACHED;
        }
        return points >= target - CLOSE_MARGIN_POINTS ? Band.CLOSE : Band.FAR;
    }
}
