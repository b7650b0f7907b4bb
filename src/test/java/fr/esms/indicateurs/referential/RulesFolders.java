package fr.esms.indicateurs.referential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** An ARS rules folder for tests: a copy of the built-in versions, which a test then edits. */
final class RulesFolders {

    static final Path BUILT_IN = Path.of("src/main/resources/regles");

    private RulesFolders() {
    }

    /** Copies {@code 2022/} and {@code 2025/} of the built-in rules into {@code target}. */
    static Path copyOfBuiltIn(Path target) {
        try (Stream<Path> files = Files.walk(BUILT_IN)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(BUILT_IN.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else if (!source.getFileName().toString().equals("versions.txt")) {
                    Files.copy(source, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(Path file, String line) {
        try {
            Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + line + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} by {@code to} in a file. */
    static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " ne contient pas « " + from + " »");
            }
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
