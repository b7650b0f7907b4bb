package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.rules.RulesVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the rules versions: the built-in ones (in the jar, under {@code /regles/}, listed by
 * {@code /regles/versions.txt}), or the ARS's own folder, which holds one sub-folder per version and replaces the
 * built-in ones. Every file is validated; the first error stops the load with a {@link RulesException}.
 */
public final class RulesLoader {

    static final String BUILT_IN = "/regles/";
    static final String BUILT_IN_INDEX = BUILT_IN + "versions.txt";

    /** The folder's versions, or the built-in ones when {@code folder} is null or blank. */
    public RulesLibrary load(String folder) {
        return folder == null || folder.isBlank() ? builtIn() : load(Path.of(folder.trim()));
    }

    public RulesLibrary builtIn() {
        List<String> codes;
        try (InputStream in = RulesLoader.class.getResourceAsStream(BUILT_IN_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("règles intégrées introuvables : " + BUILT_IN_INDEX);
            }
            codes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("règles intégrées illisibles", e);
        }
        Map<String, Map<String, byte[]>> filesByVersion = new LinkedHashMap<>();
        for (String code : codes) {
            Map<String, byte[]> files = new HashMap<>();
            for (String name : RulesVersionParser.FILES) {
                String resource = BUILT_IN + code + "/" + name;
                try (InputStream in = RulesLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("règles intégrées : " + resource + " introuvable");
                    }
                    files.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new IllegalStateException("règles intégrées illisibles : " + resource, e);
                }
            }
            filesByVersion.put(code, files);
        }
        return library(filesByVersion, "jar:regles");
    }

    public RulesLibrary load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RulesException("règles : dossier " + folder + " introuvable");
        }
        List<Path> versions;
        try (Stream<Path> children = Files.list(folder)) {
            versions = children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new RulesException("règles : dossier " + folder + " illisible (" + e.getMessage() + ")");
        }
        if (versions.isEmpty()) {
            throw new RulesException("règles : le dossier " + folder + " ne contient aucune version (un "
                    + "sous-dossier par version, ex. " + folder.resolve("2025") + ")");
        }
        Map<String, Map<String, byte[]>> filesByVersion = new LinkedHashMap<>();
        for (Path version : versions) {
            Map<String, byte[]> files = new HashMap<>();
            for (String name : RulesVersionParser.FILES) {
                Path file = version.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new RulesException("règles : fichier " + file + " introuvable (une version compte les "
                            + "fichiers " + String.join(", ", RulesVersionParser.FILES) + ")");
                }
                try {
                    files.put(name, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new RulesException("règles : fichier " + file + " illisible (" + e.getMessage() + ")");
                }
            }
            filesByVersion.put(version.getFileName().toString(), files);
        }
        return library(filesByVersion, folder.toString());
    }

    /** @param source the rules folder as messages name it */
    private static RulesLibrary library(Map<String, Map<String, byte[]>> filesByVersion, String source) {
        List<RulesVersion> versions = new ArrayList<>();
        Map<java.time.LocalDate, String> codeByDate = new HashMap<>();
        filesByVersion.forEach((code, files) -> {
            String shownFolder = source + "/" + code;
            RulesVersion version = RulesVersionParser.parse(code, shownFolder, files);
            String other = codeByDate.putIfAbsent(version.inForceFrom(), code);
            if (other != null) {
                throw RulesException.at(shownFolder + "/" + RulesVersionParser.PARAMETERS,
                        RulesVersionParser.lineOf(files, "en_vigueur_du"), "valeur", "en vigueur du "
                                + version.inForceFrom() + ", comme la version " + other + " : deux versions ne peuvent "
                                + "entrer en vigueur le même jour (on ne saurait laquelle mesure un projet)");
            }
            versions.add(version);
        });
        try {
            return new RulesLibrary(versions);
        } catch (IllegalArgumentException e) {
            throw new RulesException("règles (" + source + ") : " + e.getMessage());
        }
    }
}
