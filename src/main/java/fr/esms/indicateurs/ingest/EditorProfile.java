package fr.esms.indicateurs.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An editor profile: how one editor's export packages map onto the pivot format. {@code source} says where it was
 * read from (shown to users). A package is recognised by the profile when each of {@code recognisedByFiles}
 * matches one of its files, or when its pivot {@code export.csv} names {@code recognisedByEditor} (case
 * ignored). {@code manifest} null means the package carries a pivot {@code export.csv}.
 * The pivot format itself is {@link #PIVOT}.
 */
public record EditorProfile(String name, String source, List<FilePattern> recognisedByFiles,
                            String recognisedByEditor, FileMapping manifest, Map<PivotFile, FileMapping> files) {

    public static final String PIVOT_NAME = "pivot";

    /** The pivot manifest {@code export.csv}. */
    static final FileMapping PIVOT_MANIFEST = FileMapping.pivot(PackageContent.MANIFEST,
            PivotLayout.MANIFEST_REQUIRED, PivotLayout.MANIFEST_OPTIONAL);

    /** The pivot format of {@code format-pivot.md}. */
    public static final EditorProfile PIVOT = pivot();

    public EditorProfile {
        recognisedByFiles = List.copyOf(recognisedByFiles);
        EnumMap<PivotFile, FileMapping> copy = new EnumMap<>(PivotFile.class);
        copy.putAll(files);
        files = Collections.unmodifiableMap(copy);
    }

    public boolean isPivot() {
        return this == PIVOT;
    }

    boolean recognisesFiles(Collection<String> fileNames) {
        return !recognisedByFiles.isEmpty() && recognisedByFiles.stream()
                .allMatch(p -> fileNames.stream().anyMatch(p::matches));
    }

    boolean recognisesEditor(String editor) {
        return recognisedByEditor != null && recognisedByEditor.equalsIgnoreCase(editor.trim());
    }

    /** How users read its name: {@code profil « x » (profils/x.yaml)}. */
    public String label() {
        return isPivot() ? "format pivot" : "profil éditeur « " + name + " » (" + source + ")";
    }

    private static EditorProfile pivot() {
        Map<PivotFile, FileMapping> files = new EnumMap<>(PivotFile.class);
        for (PivotFile file : PivotFile.values()) {
            PivotLayout layout = PivotLayout.of(file);
            files.put(file, FileMapping.pivot(file.fileName(), layout.required(), layout.optional()));
        }
        return new EditorProfile(PIVOT_NAME, "format-pivot.md", new ArrayList<>(), null, null, files);
    }
}
