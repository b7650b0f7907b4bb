package fr.esms.indicateurs.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the YAML document of a profile into an {@link EditorProfile}, checking every key: an unknown key, a
 * missing required pivot column or an unusable value stops with a French message naming the file and the key.
 * This class reads the profile's structure (name, recognition, manifest, files); {@link FileMappingParser} reads
 * each file's section and {@link ProfileYaml} each value.
 */
final class ProfileParser {

    private static final Set<String> TOP_KEYS = Set.of("nom", "editeur", "description", "reconnaissance",
            "encodage", "separateur", "guillemet", "formats-date", "manifeste", "fichiers");
    private static final Set<String> RECOGNITION_KEYS = Set.of("fichiers", "editeur");
    private static final String MANIFEST = "manifeste";

    private final String fileName;
    private final String defaultName;
    private final ProfileYaml yaml;
    private final FileMappingParser mappings;

    ProfileParser(String fileName, String defaultName) {
        this.fileName = fileName;
        this.defaultName = defaultName;
        this.yaml = new ProfileYaml(fileName);
        this.mappings = new FileMappingParser(yaml);
    }

    EditorProfile parse(Object document) {
        Map<String, Object> top = yaml.map(document, "");
        yaml.checkKeys(top, TOP_KEYS, "");
        String name = top.containsKey("nom") ? yaml.text(top.get("nom"), "nom") : defaultName;
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw yaml.problem("nom", "nom de profil « " + name
                    + " » : lettres, chiffres, « - », « _ » et « . » seulement");
        }
        CsvOptions csv = yaml.csvOptions(top, "", CsvOptions.PIVOT);
        List<DatePattern> dates = yaml.dateFormats(top, "", List.of());

        List<FilePattern> byFiles = new ArrayList<>();
        String byEditor = null;
        if (top.containsKey("reconnaissance")) {
            Map<String, Object> recognition = yaml.map(top.get("reconnaissance"), "reconnaissance");
            yaml.checkKeys(recognition, RECOGNITION_KEYS, "reconnaissance");
            if (recognition.containsKey("fichiers")) {
                for (String glob : yaml.texts(recognition.get("fichiers"), "reconnaissance.fichiers")) {
                    byFiles.add(FilePattern.of(glob));
                }
            }
            if (recognition.containsKey("editeur")) {
                byEditor = yaml.text(recognition.get("editeur"), "reconnaissance.editeur");
            }
        }

        FileMapping manifest = null;
        if (top.containsKey(MANIFEST)) {
            manifest = mappings.fileMapping(top.get(MANIFEST), MANIFEST, PivotLayout.MANIFEST_REQUIRED,
                    PivotLayout.MANIFEST_OPTIONAL, csv, dates, true, null);
        }
        if (!top.containsKey("fichiers")) {
            throw yaml.problem("fichiers",
                    "clé obligatoire absente : elle dit d'où vient chaque fichier du format pivot");
        }
        Map<String, Object> fileSection = yaml.map(top.get("fichiers"), "fichiers");
        Map<PivotFile, FileMapping> files = new EnumMap<>(PivotFile.class);
        for (Map.Entry<String, Object> e : fileSection.entrySet()) {
            PivotFile file = pivotFile(e.getKey());
            PivotLayout layout = PivotLayout.of(file);
            files.put(file, mappings.fileMapping(e.getValue(), "fichiers." + e.getKey(), layout.required(),
                    layout.optional(), csv, dates, false, file));
        }
        if (files.isEmpty()) {
            throw yaml.problem("fichiers", "aucun fichier décrit");
        }
        return new EditorProfile(name, fileName, byFiles, byEditor, manifest, files);
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
        throw yaml.problem("fichiers." + key, "fichier inconnu du format pivot (admis : " + String.join(", ", names)
                + ")");
    }
}
