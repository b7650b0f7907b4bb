package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The reading of one package in the pivot format or an editor's profile, and its locate stage: which profile
 * reads it, which file is its manifest, which files feed which pivot file and which are ignored. The manifest is
 * read by {@link ManifestReader}, each data file by {@link DataFileReader}, in the order {@link PackageReader} says.
 */
final class PackageRun {

    static final String NO_MANIFEST = "paquet sans export.csv : rejeté en entier";
    private static final int MAX_IGNORED_FILE_WARNINGS = 20;

    private final String packageName;
    private final PackageContent content;
    private final PackageVisitor visitor;
    private final EditorProfiles profiles;
    /** The profile the operator named for every package, or null to recognise each package's. */
    private final EditorProfile forced;
    private final ManifestReader manifests;
    private final DataFileReader dataFileReader;
    /** Files of the package folder by lower-case name. */
    private final Map<String, String> files = new TreeMap<>();

    PackageRun(String packageName, PackageContent content, PackageVisitor visitor, EditorProfiles profiles,
               EditorProfile forced, Predicate<String> inReferential, Clock clock) {
        this.packageName = packageName;
        this.content = content;
        this.visitor = visitor;
        this.profiles = profiles;
        this.forced = forced;
        CsvFileOpener opener = new CsvFileOpener(content);
        this.manifests = new ManifestReader(packageName, visitor, opener, clock);
        this.dataFileReader = new DataFileReader(packageName, visitor, opener, inReferential);
        content.files().forEach(name -> files.put(name.toLowerCase(Locale.ROOT), name));
    }

    void read() throws IOException {
        String pivotManifest = files.get(PackageContent.MANIFEST);
        EditorProfile profile = forced;
        Manifest manifest = null;
        List<Notice> manifestWarnings = new ArrayList<>();
        if (profile == null) {
            List<EditorProfile> byFiles = profiles.recognisingFiles(content.files());
            if (byFiles.size() > 1) {
                rejectAmbiguous(byFiles);
                return;
            }
            profile = byFiles.isEmpty() ? null : byFiles.get(0);
        }
        if (profile == null && pivotManifest != null) {
            // Only the manifest can tell: an editor may write a pivot export.csv and its own data files.
            manifest = manifests.read(EditorProfile.PIVOT, pivotManifest, manifestWarnings);
            if (manifest == null) {
                return;
            }
            List<EditorProfile> byEditor = profiles.recognisingEditor(manifest.editor());
            if (byEditor.size() > 1) {
                rejectAmbiguous(byEditor);
                return;
            }
            profile = byEditor.isEmpty() ? EditorProfile.PIVOT : byEditor.get(0);
        }
        if (profile == null) {
            visitor.packageRejected(new Rejection(packageName, PackageContent.MANIFEST, 0, "", "",
                    profiles.isEmpty() ? NO_MANIFEST
                            : "paquet sans export.csv qu'aucun profil éditeur ne reconnaît (profils : "
                            + profiles.names() + ") : rejeté en entier"));
            return;
        }
        if (manifest == null) {
            String manifestFile = profile.manifest() == null ? pivotManifest
                    : profile.manifest().pattern() == null ? null : single(profile.manifest().pattern());
            if (profile.manifest() == null && pivotManifest == null) {
                visitor.packageRejected(new Rejection(packageName, PackageContent.MANIFEST, 0, "", "",
                        "le " + profile.label() + " attend un export.csv au format pivot, absent du paquet :"
                                + " rejeté en entier"));
                return;
            }
            if (profile.manifest() != null && profile.manifest().pattern() != null && manifestFile == null) {
                String glob = profile.manifest().pattern().glob();
                visitor.packageRejected(new Rejection(packageName, glob, 0, "", "", "le " + profile.label()
                        + " attend un et un seul fichier « " + glob + " » (manifeste) : "
                        + countMatching(profile.manifest().pattern()) + " trouvé(s) : paquet rejeté en entier"));
                return;
            }
            manifest = manifests.read(profile, manifestFile, manifestWarnings);
            if (manifest == null) {
                return;
            }
        }
        Map<String, PivotFile> dataFiles = dataFiles(profile);
        if (dataFiles == null) {
            return;
        }
        content.verify(dataFiles.keySet());
        visitor.manifest(manifest);
        if (!profile.isPivot()) {
            visitor.warning("", 0, "paquet lu avec le " + profile.label());
        }
        manifestWarnings.forEach(n -> n.sendTo(visitor));
        warnIgnoredFiles(profile, dataFiles.keySet());
        for (Map.Entry<String, PivotFile> e : dataFiles.entrySet()) {
            dataFileReader.read(profile, e.getValue(), e.getKey());
        }
    }

    private void rejectAmbiguous(List<EditorProfile> candidates) {
        visitor.packageRejected(new Rejection(packageName, "", 0, "", "", "plusieurs profils éditeurs"
                + " reconnaissent ce paquet ("
                + String.join(", ", candidates.stream().map(EditorProfile::label).toList())
                + ") : préciser le profil à l'appel (--profil) ou rendre leur reconnaissance plus précise :"
                + " paquet rejeté en entier"));
    }

    /** The one file matching, or null when none or several do. */
    private String single(FilePattern pattern) {
        List<String> matching = content.files().stream().filter(pattern::matches).toList();
        return matching.size() == 1 ? matching.get(0) : null;
    }

    private long countMatching(FilePattern pattern) {
        return content.files().stream().filter(pattern::matches).count();
    }

    /**
     * The package's files to read, in pivot file order then by name, with the pivot file each one feeds; null
     * (package rejected) when a file matches two pivot files of the profile.
     */
    private Map<String, PivotFile> dataFiles(EditorProfile profile) {
        Map<String, PivotFile> found = new LinkedHashMap<>();
        for (PivotFile file : PivotFile.values()) {
            FileMapping mapping = profile.files().get(file);
            if (mapping == null) {
                continue;
            }
            for (String name : content.files()) {
                if (!mapping.pattern().matches(name)) {
                    continue;
                }
                PivotFile other = found.putIfAbsent(name, file);
                if (other != null) {
                    visitor.packageRejected(new Rejection(packageName, name, 0, "", "", "le fichier « " + name
                            + " » répond à deux fichiers du " + profile.label() + " (" + other.fileName() + " et "
                            + file.fileName() + ") : paquet rejeté en entier"));
                    return null;
                }
            }
        }
        return found;
    }

    private void warnIgnoredFiles(EditorProfile profile, Set<String> dataFiles) {
        Set<String> known = new HashSet<>(dataFiles);
        FileMapping manifestMapping = profile.manifest();
        for (String name : content.files()) {
            if (manifestMapping == null ? name.equalsIgnoreCase(PackageContent.MANIFEST)
                    : manifestMapping.pattern() != null && manifestMapping.pattern().matches(name)) {
                known.add(name);
            }
        }
        List<Notice> ignored = new ArrayList<>();
        for (String name : content.files()) {
            if (known.contains(name)) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip")) {
                ignored.add(new Notice(name, 0, "archive imbriquée non ouverte : ignorée"));
            } else {
                ignored.add(new Notice(name, 0, profile.isPivot() ? "fichier inconnu du format pivot : ignoré"
                        : "fichier que le " + profile.label() + " ne décrit pas : ignoré"));
            }
        }
        for (String path : content.outside()) {
            ignored.add(new Notice(path, 0, "fichier hors du dossier du paquet (sa racine ou un seul"
                    + " sous-dossier), ou qui n'est pas un fichier ordinaire : ignoré"));
        }
        for (int i = 0; i < ignored.size(); i++) {
            if (i == MAX_IGNORED_FILE_WARNINGS) {
                visitor.warning("", 0, "et " + (ignored.size() - i) + " autres fichiers ignorés");
                break;
            }
            ignored.get(i).sendTo(visitor);
        }
    }
}
