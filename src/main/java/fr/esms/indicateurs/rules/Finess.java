package fr.esms.indicateurs.rules;

import java.util.regex.Pattern;

/**
 * FINESS numbers: two characters for the département ({@code 01}–{@code 95}, {@code 2A}, {@code 2B},
 * {@code 97}, {@code 98}) then seven digits, the last being a Luhn key over all nine digits. The key of
 * Corsican numbers is not checked (the algorithm is not published for them): a warning, not an error.
 */
public final class Finess {

    public enum Verdict { VALID, VALID_KEY_UNCHECKED, INVALID_FORMAT, INVALID_KEY }

    private static final Pattern FORMAT = Pattern.compile("(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97|98)[0-9]{7}");

    private Finess() {
    }

    public static Verdict check(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return Verdict.INVALID_FORMAT;
        }
        if (value.startsWith("2A") || value.startsWith("2B")) {
            return Verdict.VALID_KEY_UNCHECKED;
        }
        return luhnValid(value) ? Verdict.VALID : Verdict.INVALID_KEY;
    }

    public static boolean isAcceptable(Verdict verdict) {
        return verdict == Verdict.VALID || verdict == Verdict.VALID_KEY_UNCHECKED;
    }

    /** French text for a verdict, for rejection reports. */
    public static String explain(Verdict verdict) {
        return switch (verdict) {
            case VALID -> "numéro FINESS valide";
            case VALID_KEY_UNCHECKED -> "numéro FINESS corse : clé de contrôle non vérifiée";
            case INVALID_FORMAT -> "numéro FINESS mal formé (attendu : département 01–95, 2A, 2B, 97 ou 98 puis 7 chiffres)";
            case INVALID_KEY -> "numéro FINESS avec une clé de contrôle (Luhn) fausse";
        };
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
