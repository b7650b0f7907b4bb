package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.rules.Finess;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Typed, checked access to the values of one row. Values are trimmed; an empty value is absent. Each accessor
 * throws a {@link RowProblem} naming the column on the first problem it finds.
 */
final class Fields {

    static final String NIR_REASON = "identifiant ressemblant à un NIR ou un INS (13 ou 15 chiffres commençant"
            + " par 1, 2, 7 ou 8, même séparés par des espaces, des points ou des tirets) : refusé, les identifiants"
            + " doivent être pseudonymes";
    static final String NIR_COUNT_REASON = "nombre ressemblant à un NIR ou un INS (13 ou 15 chiffres commençant"
            + " par 1, 2, 7 ou 8) : refusé, aucun effectif réel n'atteint cette taille";
    static final String MASKED = "(masqué)";

    /** At most 15 digits: far above any real count, and never overflowing a long. */
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,15}");
    private static final String DATE_FORMAT = "attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[:SS]";

    private final Map<String, Integer> index;
    private final List<String> values;
    private final Predicate<String> inReferential;
    private final BiConsumer<String, String> keyUncheckedFiness;
    private final Map<String, Finess.Verdict> verdicts;

    Fields(Map<String, Integer> index, List<String> values, Predicate<String> inReferential,
           BiConsumer<String, String> keyUncheckedFiness) {
        this(index, values, inReferential, keyUncheckedFiness, new java.util.HashMap<>());
    }

    /**
     * @param inReferential      null to skip the referential check (the manifest's FINESS juridique)
     * @param keyUncheckedFiness told (column, value) of each Corsican FINESS, whose key is not checked
     * @param verdicts           the FINESS already checked, shared by the rows of a file (a file holds few)
     */
    Fields(Map<String, Integer> index, List<String> values, Predicate<String> inReferential,
           BiConsumer<String, String> keyUncheckedFiness, Map<String, Finess.Verdict> verdicts) {
        this.verdicts = verdicts;
        this.index = index;
        this.values = values;
        this.inReferential = inReferential;
        this.keyUncheckedFiness = keyUncheckedFiness;
    }

    /**
     * The value that may go into a report: anything that could be a NIR/INS (a run of 13 digits or more, even
     * grouped with spaces, dots or dashes) is masked whole, whatever the column.
     */
    static String reportable(String value) {
        if (value == null) {
            return "";
        }
        return NirLike.containsLongRun(value) ? MASKED : value;
    }

    /** A NIR/INS, bare or grouped: 13 or 15 digits starting with 1, 2, 7 or 8 ({@link NirLike#isNir}). */
    static boolean looksLikeNir(String value) {
        return NirLike.isNir(value);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The trimmed value, or null when empty or when the column is absent from the file. */
    String text(String column) {
        Integer i = index.get(column);
        if (i == null || i >= values.size()) {
            return null;
        }
        String value = values.get(i).trim();
        return value.isEmpty() ? null : value;
    }

    String required(String column) throws RowProblem {
        String value = text(column);
        if (value == null) {
            throw new RowProblem(column, "", "valeur obligatoire manquante");
        }
        return value;
    }

    /**
     * A free text (a type, a label): never refused, but any run of 13 digits or more in it, a NIR typed in a
     * comment, is masked before the value goes anywhere.
     */
    String freeText(String column) {
        return NirLike.maskLongRuns(text(column), MASKED);
    }

    /** A FINESS: well-formed, right key (not checked for 2A/2B), and in the referential when one is given. */
    String finess(String column) throws RowProblem {
        String value = required(column);
        Finess.Verdict verdict = verdicts.computeIfAbsent(value, Finess::check);
        if (!Finess.isAcceptable(verdict)) {
            throw new RowProblem(column, value, Finess.explain(verdict));
        }
        if (inReferential != null && !inReferential.test(value)) {
            throw new RowProblem(column, value, "ESSMS absent du référentiel (essms.csv) : ligne rejetée");
        }
        if (verdict == Finess.Verdict.VALID_KEY_UNCHECKED) {
            keyUncheckedFiness.accept(column, value);
        }
        return value;
    }

    String id(String column) throws RowProblem {
        return pseudonymous(column, required(column));
    }

    String optionalId(String column) throws RowProblem {
        String value = text(column);
        return value == null ? null : pseudonymous(column, value);
    }

    private static String pseudonymous(String column, String value) throws RowProblem {
        if (looksLikeNir(value)) {
            throw new RowProblem(column, MASKED, NIR_REASON);
        }
        return value;
    }

    LocalDate date(String column) throws RowProblem {
        return parseDate(column, required(column));
    }

    LocalDate optionalDate(String column) throws RowProblem {
        String value = text(column);
        return value == null ? null : parseDate(column, value);
    }

    /** Whether the value has the pivot format's date shape (not whether the date exists). */
    static boolean isIsoDate(String value) {
        int length = value.length();
        if (length != 10 && length != 16 && length != 19) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> isDigit(c);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code AAAA-MM-JJ} or {@code AAAA-MM-JJTHH:MM[:SS]}, strictly; only the date is kept. */
    static LocalDate parseDate(String column, String value) throws RowProblem {
        if (!isIsoDate(value)) {
            throw new RowProblem(column, value, "date mal formée (" + DATE_FORMAT + ")");
        }
        LocalDate date;
        try {
            date = LocalDate.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10));
        } catch (DateTimeException e) {
            throw new RowProblem(column, value, "date impossible (" + DATE_FORMAT + ")");
        }
        if (value.length() > 10 && (number(value, 11, 13) > 23 || number(value, 14, 16) > 59
                || (value.length() == 19 && number(value, 17, 19) > 59))) {
            throw new RowProblem(column, value, "heure impossible (" + DATE_FORMAT + ")");
        }
        return date;
    }

    /** The number written in digits from {@code start} to {@code end} (checked digits). */
    private static int number(String value, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            n = n * 10 + (value.charAt(i) - '0');
        }
        return n;
    }

    /** A code among {@code allowed}, or null when empty. */
    String optionalOneOf(String column, List<String> allowed, String what) throws RowProblem {
        String value = text(column);
        return value == null ? null : allowed(column, value, allowed, what);
    }

    private static String allowed(String column, String value, List<String> allowed, String what)
            throws RowProblem {
        if (!allowed.contains(value)) {
            throw new RowProblem(column, value, what + " inconnu (valeurs admises : " + String.join(", ", allowed)
                    + ")");
        }
        return value;
    }

    <E extends Enum<E>> E status(String column, Class<E> type, E defaultValue) throws RowProblem {
        String value = defaultValue == null ? required(column) : text(column);
        if (value == null) {
            return defaultValue;
        }
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new RowProblem(column, value, "statut inconnu (valeurs admises : "
                + String.join(", ", Arrays.stream(constants).map(Enum::name).toList()) + ")");
    }

    /** A count: a non-negative integer written with digits only (no sign, no decimal part, no spaces). */
    long count(String column) throws RowProblem {
        String value = required(column);
        if (!COUNT.matcher(value).matches()) {
            throw new RowProblem(column, value, "nombre entier positif ou nul attendu dans la colonne " + column);
        }
        if (looksLikeNir(value)) {
            throw new RowProblem(column, MASKED, NIR_COUNT_REASON);
        }
        return Long.parseLong(value);
    }

    /** Codes separated by {@code |}, trimmed, empty parts dropped; a NIR-like run in a code is masked. */
    List<String> codes(String column) {
        String value = text(column);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                .map(code -> NirLike.maskLongRuns(code, MASKED)).toList();
    }
}
