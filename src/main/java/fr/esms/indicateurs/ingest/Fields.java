package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.rules.Finess;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, checked access to the values of one row. Values are trimmed; an empty value is absent. Each accessor
 * throws a {@link RowProblem} naming the column on the first problem it finds.
 */
final class Fields {

    static final String NIR_REASON = "identifiant ressemblant à un NIR ou un INS (13 ou 15 chiffres commençant"
            + " par 1, 2, 7 ou 8) : refusé, les identifiants doivent être pseudonymes";
    static final String MASKED = "(masqué)";

    private static final Pattern NIR_LIKE = Pattern.compile("[1278][0-9]{12}([0-9]{2})?");
    /** Any run of 13 digits or more: never copied into a report, whatever the column. */
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9]{13,}");
    private static final Pattern DATE = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?");
    /** At most 15 digits: far above any real count, and never overflowing a long. */
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,15}");
    private static final String DATE_FORMAT = "attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[:SS]";

    private final Map<String, Integer> index;
    private final List<String> values;
    private final Predicate<String> inReferential;
    private final BiConsumer<String, String> keyUncheckedFiness;

    /**
     * @param inReferential      null to skip the referential check (the manifest's FINESS juridique)
     * @param keyUncheckedFiness told (column, value) of each Corsican FINESS, whose key is not checked
     */
    Fields(Map<String, Integer> index, List<String> values, Predicate<String> inReferential,
           BiConsumer<String, String> keyUncheckedFiness) {
        this.index = index;
        this.values = values;
        this.inReferential = inReferential;
        this.keyUncheckedFiness = keyUncheckedFiness;
    }

    /** The value that may go into a report: anything that could be a NIR/INS is masked. */
    static String reportable(String value) {
        if (value == null) {
            return "";
        }
        return LONG_DIGIT_RUN.matcher(value).find() ? MASKED : value;
    }

    static boolean looksLikeNir(String value) {
        return NIR_LIKE.matcher(value).matches();
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

    /** A FINESS: well-formed, right key (not checked for 2A/2B), and in the referential when one is given. */
    String finess(String column) throws RowProblem {
        String value = required(column);
        Finess.Verdict verdict = Finess.check(value);
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
        return DATE.matcher(value).matches();
    }

    static LocalDate parseDate(String column, String value) throws RowProblem {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            throw new RowProblem(column, value, "date mal formée (" + DATE_FORMAT + ")");
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new RowProblem(column, value, "date impossible (" + DATE_FORMAT + ")");
        }
        if (m.group(4) != null && (Integer.parseInt(m.group(4)) > 23 || Integer.parseInt(m.group(5)) > 59
                || (m.group(6) != null && Integer.parseInt(m.group(6)) > 59))) {
            throw new RowProblem(column, value, "heure impossible (" + DATE_FORMAT + ")");
        }
        return date;
    }

    /**
     * A code among {@code allowed} (exact, upper case as the pivot format writes them); {@code defaultValue} when
     * empty, or a missing-value problem when there is no default.
     */
    String oneOf(String column, List<String> allowed, String defaultValue, String what) throws RowProblem {
        String value = defaultValue == null ? required(column) : text(column);
        return value == null ? defaultValue : allowed(column, value, allowed, what);
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
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String value = oneOf(column, allowed, defaultValue == null ? null : defaultValue.name(), "statut");
        return Enum.valueOf(type, value);
    }

    /** A count: a non-negative integer written with digits only (no sign, no decimal part, no spaces). */
    long count(String column) throws RowProblem {
        String value = required(column);
        if (!COUNT.matcher(value).matches()) {
            throw new RowProblem(column, value, "nombre entier positif ou nul attendu dans la colonne " + column);
        }
        return Long.parseLong(value);
    }

    /** Codes separated by {@code |}, trimmed, empty parts dropped. */
    List<String> codes(String column) {
        String value = text(column);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
