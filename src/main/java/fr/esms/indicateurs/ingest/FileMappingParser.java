package fr.esms.indicateurs.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code fichiers.*} (or {@code manifeste}) section of a profile: which editor file it reads, with which CSV
 * options and date formats, and where each pivot column comes from (a header, a constant, the file's or the
 * package's name), with the editor words that translate into pivot values.
 */
final class FileMappingParser {

    private static final Set<String> FILE_KEYS = Set.of("fichier", "encodage", "separateur", "guillemet",
            "formats-date", "colonnes");
    private static final Set<String> COLUMN_KEYS = Set.of("colonne", "valeurs", "constante", "nom-fichier",
            "nom-paquet", "formats-date");

    private final ProfileYaml yaml;

    FileMappingParser(ProfileYaml yaml) {
        this.yaml = yaml;
    }

    /** {@code file} is null for the manifest, which may come without an editor file. */
    FileMapping fileMapping(Object node, String key, List<String> required, List<String> optional,
                            CsvOptions defaults, List<DatePattern> defaultDates, boolean manifest,
                            PivotFile file) {
        Map<String, Object> section = yaml.map(node, key);
        yaml.checkKeys(section, FILE_KEYS, key);
        FilePattern pattern = null;
        if (section.containsKey("fichier")) {
            pattern = FilePattern.of(yaml.text(section.get("fichier"), key + ".fichier"));
        } else if (!manifest) {
            throw yaml.problem(key + ".fichier", "clé obligatoire absente : le nom (ou motif) du fichier de l'éditeur");
        }
        CsvOptions csv = yaml.csvOptions(section, key + ".", defaults);
        List<DatePattern> dates = yaml.dateFormats(section, key + ".", defaultDates);
        if (!section.containsKey("colonnes")) {
            throw yaml.problem(key + ".colonnes", "clé obligatoire absente");
        }
        Map<String, Object> columnSection = yaml.map(section.get("colonnes"), key + ".colonnes");
        Map<String, ColumnSource> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : columnSection.entrySet()) {
            String column = e.getKey().trim().toLowerCase(Locale.ROOT);
            String columnKey = key + ".colonnes." + e.getKey();
            if (!required.contains(column) && !optional.contains(column)) {
                List<String> all = new ArrayList<>(required);
                all.addAll(optional);
                throw yaml.problem(columnKey, "colonne inconnue du format pivot pour ce fichier (colonnes : "
                        + String.join(", ", all) + ")");
            }
            List<String> allowed = file == null ? List.of() : PivotLayout.allowedValues(file, column);
            ColumnSource source = columnSource(e.getValue(), columnKey, allowed);
            if (pattern == null && (source instanceof ColumnSource.Header
                    || source instanceof ColumnSource.FromFileName)) {
                throw yaml.problem(columnKey, "sans « fichier », le manifeste ne peut venir que de « constante » ou de"
                        + " « nom-paquet »");
            }
            columns.put(column, source);
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw yaml.problem(key + ".colonnes", "la colonne obligatoire « " + column
                        + " » du format pivot n'a pas de source (colonne, constante, nom-fichier ou nom-paquet)");
            }
        }
        return new FileMapping(pattern, csv, dates, columns);
    }

    private ColumnSource columnSource(Object node, String key, List<String> allowed) {
        if (node instanceof String header) {
            return new ColumnSource.Header(yaml.nonBlank(header, key), Map.of(), List.of());
        }
        Map<String, Object> spec = yaml.map(node, key);
        yaml.checkKeys(spec, COLUMN_KEYS, key);
        List<String> kinds = List.of("colonne", "constante", "nom-fichier", "nom-paquet").stream()
                .filter(spec::containsKey).toList();
        if (kinds.size() != 1) {
            throw yaml.problem(key, "une et une seule source parmi « colonne », « constante », « nom-fichier »,"
                    + " « nom-paquet »");
        }
        List<DatePattern> dates = yaml.dateFormats(spec, key + ".", List.of());
        if (spec.containsKey("valeurs") && !kinds.get(0).equals("colonne")) {
            throw yaml.problem(key + ".valeurs", "des correspondances de valeurs ne s'appliquent qu'à une « colonne »");
        }
        return switch (kinds.get(0)) {
            case "colonne" -> new ColumnSource.Header(yaml.text(spec.get("colonne"), key + ".colonne"),
                    spec.containsKey("valeurs") ? values(spec.get("valeurs"), key + ".valeurs", allowed) : Map.of(),
                    dates);
            case "constante" -> new ColumnSource.Constant(yaml.text(spec.get("constante"), key + ".constante"));
            case "nom-fichier" -> new ColumnSource.FromFileName(yaml.regex(spec.get("nom-fichier"),
                    key + ".nom-fichier"), dates);
            default -> new ColumnSource.FromPackageName(yaml.regex(spec.get("nom-paquet"), key + ".nom-paquet"), dates);
        };
    }

    /** Editor word → pivot value; keys kept as written (matching ignores case). */
    private Map<String, String> values(Object node, String key, List<String> allowed) {
        Map<String, Object> raw = yaml.map(node, key);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object v = e.getValue();
            String pivot = v == null ? "" : yaml.scalar(v, key + "." + e.getKey());
            String previous = values.keySet().stream().filter(k -> k.equalsIgnoreCase(e.getKey().trim()))
                    .findFirst().orElse(null);
            if (previous != null) {
                throw yaml.problem(key + "." + e.getKey(), "valeur déjà décrite (« " + previous + " », la casse ne"
                        + " compte pas)");
            }
            if (!allowed.isEmpty() && !pivot.isBlank() && !allowed.contains(pivot.trim())) {
                throw yaml.problem(key + "." + e.getKey(), "« " + pivot
                        + " » n'est pas une valeur du format pivot (admises : " + String.join(", ", allowed) + ")");
            }
            values.put(e.getKey().trim(), pivot.trim());
        }
        if (values.isEmpty()) {
            throw yaml.problem(key, "aucune correspondance");
        }
        return values;
    }
}
