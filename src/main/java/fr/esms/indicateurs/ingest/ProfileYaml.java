package fr.esms.indicateurs.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values of a profile's YAML read one by one (sections, texts, lists, encodings, separators, date formats,
 * expressions), each refused with a French message naming the profile file and the key where it stands.
 */
final class ProfileYaml {

    private final String fileName;

    ProfileYaml(String fileName) {
        this.fileName = fileName;
    }

    CsvOptions csvOptions(Map<String, Object> section, String prefix, CsvOptions defaults) {
        Encoding encoding = defaults.encoding();
        if (section.containsKey("encodage")) {
            String text = text(section.get("encodage"), prefix + "encodage");
            encoding = Encoding.parse(text).orElseThrow(() -> problem(prefix + "encodage", "encodage « " + text
                    + " » inconnu (admis : " + Encoding.allowed() + ")"));
        }
        char delimiter = defaults.delimiter();
        if (section.containsKey("separateur")) {
            String text = scalar(section.get("separateur"), prefix + "separateur");
            String t = text.equalsIgnoreCase("tabulation") || text.equals("\\t") ? "\t" : text;
            if (t.length() != 1 || t.equals("\"") || t.equals("\n") || t.equals("\r")) {
                throw problem(prefix + "separateur", "un seul caractère attendu (« ; », « , », « | » ou"
                        + " « tabulation »), pas « " + text + " »");
            }
            delimiter = t.charAt(0);
        }
        Character quote = defaults.quote();
        if (section.containsKey("guillemet")) {
            String text = scalar(section.get("guillemet"), prefix + "guillemet");
            if (text.equalsIgnoreCase("aucun")) {
                quote = null;
            } else if (text.length() == 1 && text.charAt(0) != delimiter) {
                quote = text.charAt(0);
            } else {
                throw problem(prefix + "guillemet", "un seul caractère, autre que le séparateur, ou « aucun »");
            }
        }
        if (quote != null && quote == delimiter) {
            throw problem(prefix + "separateur", "le séparateur ne peut pas être le guillemet");
        }
        return new CsvOptions(encoding, delimiter, quote);
    }

    List<DatePattern> dateFormats(Map<String, Object> section, String prefix, List<DatePattern> defaults) {
        if (!section.containsKey("formats-date")) {
            return defaults;
        }
        List<DatePattern> formats = new ArrayList<>();
        for (String text : texts(section.get("formats-date"), prefix + "formats-date")) {
            try {
                formats.add(DatePattern.of(text));
            } catch (IllegalArgumentException e) {
                throw problem(prefix + "formats-date", e.getMessage());
            }
        }
        return formats;
    }

    Pattern regex(Object node, String key) {
        String text = text(node, key);
        Pattern pattern;
        try {
            pattern = Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw problem(key, "expression régulière invalide « " + text + " » (" + e.getDescription() + ")");
        }
        if (pattern.matcher("").groupCount() != 1) {
            throw problem(key, "l'expression « " + text + " » doit avoir exactement un groupe entre parenthèses :"
                    + " la valeur prise");
        }
        return pattern;
    }

    // ---------------------------------------------------------------- YAML nodes

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object node, String key) {
        if (!(node instanceof Map<?, ?> m)) {
            throw problem(key, "une liste de clés « clé: valeur » est attendue ici");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    void checkKeys(Map<String, Object> section, Set<String> allowed, String key) {
        for (String k : section.keySet()) {
            if (!allowed.contains(k)) {
                throw problem(key.isEmpty() ? k : key + "." + k, "clé inconnue (admises ici : "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    String scalar(Object node, String key) {
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return String.valueOf(node);
        }
        if (node instanceof java.util.Date date) {
            // YAML reads an unquoted 2026-10-01 as a timestamp (at midnight UTC).
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        throw problem(key, "une valeur simple est attendue ici");
    }

    String text(Object node, String key) {
        return nonBlank(scalar(node, key), key);
    }

    String nonBlank(String value, String key) {
        if (value.isBlank()) {
            throw problem(key, "valeur vide");
        }
        return value.trim();
    }

    List<String> texts(Object node, String key) {
        if (node instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(text(list.get(i), key + "[" + (i + 1) + "]"));
            }
            if (out.isEmpty()) {
                throw problem(key, "liste vide");
            }
            return out;
        }
        return List.of(text(node, key));
    }

    ProfileException problem(String key, String message) {
        return new ProfileException("profil " + fileName + (key.isEmpty() ? "" : ", clé « " + key + " »") + " : "
                + message);
    }
}
