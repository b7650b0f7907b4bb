package fr.esms.indicateurs.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the YAML document of a profile into an {@link EditorProfile}, checking every key: an unknown key, a
 * missing required pivot column or an unusable value stops with a French message naming the file and the key.
 */
final class ProfileParser {

    private static final Set<String> TOP_KEYS = Set.of("nom", "editeur", "description", "reconnaissance",
            "encodage", "separateur", "guillemet", "formats-date", "manifeste", "fichiers");
    private static final Set<String> RECOGNITION_KEYS = Set.of("fichiers", "editeur");
    private static final Set<String> FILE_KEYS = Set.of("fichier", "encodage", "separateur", "guillemet",
            "formats-date", "colonnes");
    private static final Set<String> COLUMN_KEYS = Set.of("colonne", "valeurs", "constante", "nom-fichier",
            "nom-paquet", "formats-date");
    private static final String MANIFEST = "manifeste";

    private final String fileName;
    private final String defaultName;

    ProfileParser(String fileName, String defaultName) {
        this.fileName = fileName;
        this.defaultName = defaultName;
    }

    EditorProfile parse(Object document) {
        Map<String, Object> top = map(document, "");
        checkKeys(top, TOP_KEYS, "");
        String name = top.containsKey("nom") ? text(top.get("nom"), "nom") : defaultName;
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw problem("nom", "nom de profil « " + name + " » : lettres, chiffres, « - », « _ » et « . » seulement");
        }
        CsvOptions csv = csvOptions(top, "", CsvOptions.PIVOT);
        List<DatePattern> dates = dateFormats(top, "", List.of());

        List<FilePattern> byFiles = new ArrayList<>();
        String byEditor = null;
        if (top.containsKey("reconnaissance")) {
            Map<String, Object> recognition = map(top.get("reconnaissance"), "reconnaissance");
            checkKeys(recognition, RECOGNITION_KEYS, "reconnaissance");
            if (recognition.containsKey("fichiers")) {
                for (String glob : texts(recognition.get("fichiers"), "reconnaissance.fichiers")) {
                    byFiles.add(FilePattern.of(glob));
                }
            }
            if (recognition.containsKey("editeur")) {
                byEditor = text(recognition.get("editeur"), "reconnaissance.editeur");
            }
        }

        FileMapping manifest = null;
        if (top.containsKey(MANIFEST)) {
            manifest = fileMapping(top.get(MANIFEST), MANIFEST, PivotLayout.MANIFEST_REQUIRED,
                    PivotLayout.MANIFEST_OPTIONAL, csv, dates, true, null);
        }
        if (!top.containsKey("fichiers")) {
            throw problem("fichiers", "clé obligatoire absente : elle dit d'où vient chaque fichier du format pivot");
        }
        Map<String, Object> fileSection = map(top.get("fichiers"), "fichiers");
        Map<PivotFile, FileMapping> files = new EnumMap<>(PivotFile.class);
        for (Map.Entry<String, Object> e : fileSection.entrySet()) {
            PivotFile file = pivotFile(e.getKey());
            PivotLayout layout = PivotLayout.of(file);
            files.put(file, fileMapping(e.getValue(), "fichiers." + e.getKey(), layout.required(), layout.optional(),
                    csv, dates, false, file));
        }
        if (files.isEmpty()) {
            throw problem("fichiers", "aucun fichier décrit");
        }
        return new EditorProfile(name, fileName, byFiles, byEditor, manifest, files);
    }

    private FileMapping fileMapping(Object node, String key, List<String> required, List<String> optional,
                                    CsvOptions defaults, List<DatePattern> defaultDates, boolean manifest,
                                    PivotFile file) {
        Map<String, Object> section = map(node, key);
        checkKeys(section, FILE_KEYS, key);
        FilePattern pattern = null;
        if (section.containsKey("fichier")) {
            pattern = FilePattern.of(text(section.get("fichier"), key + ".fichier"));
        } else if (!manifest) {
            throw problem(key + ".fichier", "clé obligatoire absente : le nom (ou motif) du fichier de l'éditeur");
        }
        CsvOptions csv = csvOptions(section, key + ".", defaults);
        List<DatePattern> dates = dateFormats(section, key + ".", defaultDates);
        if (!section.containsKey("colonnes")) {
            throw problem(key + ".colonnes", "clé obligatoire absente");
        }
        Map<String, Object> columnSection = map(section.get("colonnes"), key + ".colonnes");
        Map<String, ColumnSource> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : columnSection.entrySet()) {
            String column = e.getKey().trim().toLowerCase(Locale.ROOT);
            String columnKey = key + ".colonnes." + e.getKey();
            if (!required.contains(column) && !optional.contains(column)) {
                List<String> all = new ArrayList<>(required);
                all.addAll(optional);
                throw problem(columnKey, "colonne inconnue du format pivot pour ce fichier (colonnes : "
                        + String.join(", ", all) + ")");
            }
            List<String> allowed = file == null ? List.of() : PivotLayout.allowedValues(file, column);
            ColumnSource source = columnSource(e.getValue(), columnKey, allowed);
            if (pattern == null && (source instanceof ColumnSource.Header
                    || source instanceof ColumnSource.FromFileName)) {
                throw problem(columnKey, "sans « fichier », le manifeste ne peut venir que de « constante » ou de"
                        + " « nom-paquet »");
            }
            columns.put(column, source);
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw problem(key + ".colonnes", "la colonne obligatoire « " + column
                        + " » du format pivot n'a pas de source (colonne, constante, nom-fichier ou nom-paquet)");
            }
        }
        return new FileMapping(pattern, csv, dates, columns);
    }

    private ColumnSource columnSource(Object node, String key, List<String> allowed) {
        if (node instanceof String header) {
            return new ColumnSource.Header(nonBlank(header, key), Map.of(), List.of());
        }
        Map<String, Object> spec = map(node, key);
        checkKeys(spec, COLUMN_KEYS, key);
        List<String> kinds = List.of("colonne", "constante", "nom-fichier", "nom-paquet").stream()
                .filter(spec::containsKey).toList();
        if (kinds.size() != 1) {
            throw problem(key, "une et une seule source parmi « colonne », « constante », « nom-fichier »,"
                    + " « nom-paquet »");
        }
        List<DatePattern> dates = dateFormats(spec, key + ".", List.of());
        if (spec.containsKey("valeurs") && !kinds.get(0).equals("colonne")) {
            throw problem(key + ".valeurs", "des correspondances de valeurs ne s'appliquent qu'à une « colonne »");
        }
        return switch (kinds.get(0)) {
            case "colonne" -> new ColumnSource.Header(text(spec.get("colonne"), key + ".colonne"),
                    spec.containsKey("valeurs") ? values(spec.get("valeurs"), key + ".valeurs", allowed) : Map.of(), dates);
            case "constante" -> new ColumnSource.Constant(text(spec.get("constante"), key + ".constante"));
            case "nom-fichier" -> new ColumnSource.FromFileName(regex(spec.get("nom-fichier"),
                    key + ".nom-fichier"), dates);
            default -> new ColumnSource.FromPackageName(regex(spec.get("nom-paquet"), key + ".nom-paquet"), dates);
        };
    }

    /** Editor word → pivot value; keys kept as written (matching ignores case). */
    private Map<String, String> values(Object node, String key, List<String> allowed) {
        Map<String, Object> raw = map(node, key);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object v = e.getValue();
            String pivot = v == null ? "" : scalar(v, key + "." + e.getKey());
            String previous = values.keySet().stream().filter(k -> k.equalsIgnoreCase(e.getKey().trim()))
                    .findFirst().orElse(null);
            if (previous != null) {
                throw problem(key + "." + e.getKey(), "valeur déjà décrite (« " + previous + " », la casse ne"
                        + " compte pas)");
            }
            if (!allowed.isEmpty() && !pivot.isBlank() && !allowed.contains(pivot.trim())) {
                throw problem(key + "." + e.getKey(), "« " + pivot + " » n'est pas une valeur du format pivot (admises : "
                        + String.join(", ", allowed) + ")");
            }
            values.put(e.getKey().trim(), pivot.trim());
        }
        if (values.isEmpty()) {
            throw problem(key, "aucune correspondance");
        }
        return values;
    }

    private Pattern regex(Object node, String key) {
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

    private CsvOptions csvOptions(Map<String, Object> section, String prefix, CsvOptions defaults) {
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

    private List<DatePattern> dateFormats(Map<String, Object> section, String prefix, List<DatePattern> defaults) {
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

    private PivotFile pivotFile(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT).replaceFirst("\\.csv$", "");
        for (PivotFile file : PivotFile.values()) {
            if (file.fileName().equals(wanted + ".csv")) {
                return file;
            }
        }
        List<String> names = new ArrayList<>();
        for (PivotFile file : PivotFile.values()) {
            names.add(file.fileName().replace(".csv", ""));
        }
        throw problem("fichiers." + key, "fichier inconnu du format pivot (admis : " + String.join(", ", names)
                + ")");
    }

    // ---------------------------------------------------------------- YAML helpers

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String key) {
        if (!(node instanceof Map<?, ?> m)) {
            throw problem(key, "une liste de clés « clé: valeur » est attendue ici");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    private void checkKeys(Map<String, Object> section, Set<String> allowed, String key) {
        for (String k : section.keySet()) {
            if (!allowed.contains(k)) {
                throw problem(key.isEmpty() ? k : key + "." + k, "clé inconnue (admises ici : "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String scalar(Object node, String key) {
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return String.valueOf(node);
        }
        if (node instanceof java.util.Date date) {
            // YAML reads an unquoted 2026-10-01 as a timestamp (at midnight UTC).
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        throw problem(key, "une valeur simple est attendue ici");
    }

    private String text(Object node, String key) {
        return nonBlank(scalar(node, key), key);
    }

    private String nonBlank(String value, String key) {
        if (value.isBlank()) {
            throw problem(key, "valeur vide");
        }
        return value.trim();
    }

    private List<String> texts(Object node, String key) {
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

    private ProfileException problem(String key, String message) {
        return new ProfileException("profil " + fileName + (key.isEmpty() ? "" : ", clé « " + key + " »") + " : "
                + message);
    }
}
