package fr.esms.indicateurs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of one export package, a folder or a zip, seen the same way: the package's files sit at its root or
 * in one sub-folder (the one that holds {@code export.csv}, or, without {@code export.csv}, the only folder when
 * nothing sits beside it); anything else is listed as {@link #outside()}.
 * Hidden files and folders (name starting with {@code .}, and {@code __MACOSX}) are skipped silently.
 */
public interface PackageContent extends Closeable {

    String MANIFEST = "export.csv";

    /** Opens a folder package, or a zip package after its structural checks. */
    static PackageContent open(Path source, ZipLimits limits) throws IOException {
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return FolderContent.open(source);
        }
        return ZipContent.open(source, limits);
    }

    /** Names of the files of the package folder, in their original case, sorted. */
    List<String> files();

    /** Paths (relative to the package) of files that are not in the package folder, or not regular files. */
    List<String> outside();

    InputStream open(String name) throws IOException;

    /**
     * Checks, before anything is read, that the given files really hold what the package declares (for a zip:
     * uncompressed size and CRC of each entry). Throws {@link PackageRefusedException} otherwise.
     */
    void verify(Collection<String> names) throws IOException;

    static boolean isHidden(String relativePath) {
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** Splits visible file paths ({@code /}-separated) into the package folder's files and the others. */
    record Layout(String base, List<String> files, List<String> outside) {

        static Layout of(Collection<String> visiblePaths) throws PackageRefusedException {
            boolean manifestAtRoot = false;
            TreeSet<String> manifestFolders = new TreeSet<>();
            for (String path : visiblePaths) {
                String[] segments = path.split("/");
                if (segments.length == 1 && segments[0].equalsIgnoreCase(MANIFEST)) {
                    manifestAtRoot = true;
                } else if (segments.length == 2 && segments[1].equalsIgnoreCase(MANIFEST)) {
                    manifestFolders.add(segments[0]);
                }
            }
            if (manifestFolders.size() + (manifestAtRoot ? 1 : 0) > 1) {
                throw new PackageRefusedException("plusieurs fichiers export.csv (à la racine et/ou dans "
                        + String.join(", ", manifestFolders) + ") : un paquet doit avoir ses fichiers à sa racine"
                        + " ou dans un seul sous-dossier");
            }
            String base = manifestAtRoot || manifestFolders.isEmpty() ? "" : manifestFolders.first() + "/";
            if (!manifestAtRoot && manifestFolders.isEmpty()) {
                // An editor's own export has no export.csv: its folder is the only one, with nothing beside it.
                TreeSet<String> tops = new TreeSet<>();
                boolean rootFiles = false;
                for (String path : visiblePaths) {
                    int slash = path.indexOf('/');
                    rootFiles |= slash < 0;
                    tops.add(slash < 0 ? path : path.substring(0, slash));
                }
                if (!rootFiles && tops.size() == 1) {
                    base = tops.first() + "/";
                }
            }
            Map<String, String> byLowerName = new TreeMap<>();
            List<String> files = new ArrayList<>();
            List<String> outside = new ArrayList<>();
            for (String path : visiblePaths) {
                String rest = path.startsWith(base) ? path.substring(base.length()) : null;
                if (rest == null || rest.isEmpty() || rest.contains("/")) {
                    outside.add(path);
                    continue;
                }
                String previous = byLowerName.put(rest.toLowerCase(Locale.ROOT), rest);
                if (previous != null) {
                    throw new PackageRefusedException("deux fichiers « " + previous + " » et « " + rest
                            + " » ne diffèrent que par la casse : paquet ambigu");
                }
                files.add(rest);
            }
            files.sort(null);
            outside.sort(null);
            return new Layout(base, List.copyOf(files), List.copyOf(outside));
        }
    }
}
