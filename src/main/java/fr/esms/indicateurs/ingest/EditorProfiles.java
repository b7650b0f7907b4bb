package fr.esms.indicateurs.ingest;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The editor profiles of a folder: one YAML file per editor ({@code *.yaml} or {@code *.yml}), read and checked
 * at once, so that a wrong profile stops the run before any package is read (the message names the file and the
 * key). See {@code docs/profils.md} for the format.
 */
public final class EditorProfiles {

    private static final EditorProfiles NONE = new EditorProfiles(List.of());

    private final List<EditorProfile> profiles;

    private EditorProfiles(List<EditorProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** No profile: every package is in the pivot format. */
    public static EditorProfiles none() {
        return NONE;
    }

    public static EditorProfiles of(List<EditorProfile> profiles) {
        return new EditorProfiles(profiles);
    }

    /**
     * @throws ProfileException when the folder is missing, or a profile is invalid, or two profiles share a name
     */
    public static EditorProfiles load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ProfileException("dossier des profils éditeurs introuvable : " + folder);
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list profiles folder " + folder, e);
        }
        List<EditorProfile> profiles = new ArrayList<>();
        for (Path path : paths) {
            EditorProfile profile = read(path);
            Optional<EditorProfile> same = profiles.stream().filter(p -> p.name().equalsIgnoreCase(profile.name()))
                    .findFirst();
            if (same.isPresent() || profile.name().equalsIgnoreCase(EditorProfile.PIVOT_NAME)) {
                throw new ProfileException("profil " + path.getFileName() + " : nom « " + profile.name()
                        + " » déjà pris" + same.map(p -> " par " + p.source()).orElse(" (format pivot)"));
            }
            profiles.add(profile);
        }
        return new EditorProfiles(profiles);
    }

    /** Reads one profile file. */
    public static EditorProfile read(Path path) {
        String fileName = path.getFileName().toString();
        Object document;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(options)).load(in);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProfileException("profil " + fileName + " : le fichier doit être écrit en UTF-8");
        } catch (YAMLException e) {
            throw new ProfileException("profil " + fileName + " : YAML invalide : "
                    + e.getMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile " + path, e);
        }
        String stem = fileName.replaceFirst("\\.(?i:ya?ml)$", "");
        return new ProfileParser(fileName, stem).parse(document);
    }

    public List<EditorProfile> all() {
        return profiles;
    }

    public boolean isEmpty() {
        return profiles.isEmpty();
    }

    /** The profile of that name ({@code pivot} is the pivot format), case ignored. */
    public Optional<EditorProfile> named(String name) {
        if (name.equalsIgnoreCase(EditorProfile.PIVOT_NAME)) {
            return Optional.of(EditorProfile.PIVOT);
        }
        return profiles.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The profile names, for messages. */
    public String names() {
        List<String> names = new ArrayList<>();
        names.add(EditorProfile.PIVOT_NAME);
        profiles.forEach(p -> names.add(p.name()));
        return String.join(", ", names);
    }

    List<EditorProfile> recognisingFiles(List<String> fileNames) {
        return profiles.stream().filter(p -> p.recognisesFiles(fileNames)).toList();
    }

    List<EditorProfile> recognisingEditor(String editor) {
        return profiles.stream().filter(p -> p.recognisesEditor(editor)).toList();
    }
}
