package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A package that is a folder of the dépôt. Symbolic links are never followed. */
final class FolderContent implements PackageContent {

    private final Path root;
    private final Layout layout;
    private final List<String> outside;

    private FolderContent(Path root, Layout layout, List<String> special) {
        this.root = root;
        this.layout = layout;
        List<String> all = new ArrayList<>(layout.outside());
        all.addAll(special);
        all.sort(null);
        this.outside = List.copyOf(all);
    }

    static FolderContent open(Path root) throws IOException {
        Listing listing = list(root);
        return new FolderContent(root, Layout.of(listing.files()), listing.special());
    }

    /**
     * The visible regular files under {@code root} (relative paths with {@code /}, sorted), and the visible
     * entries that are neither regular files nor folders (symbolic links...), which are never read.
     */
    record Listing(List<String> files, List<String> special) {
    }

    static Listing list(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> special = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && PackageContent.isHidden(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String relative = relative(root, file);
                if (!PackageContent.isHidden(relative)) {
                    (attrs.isRegularFile() ? files : special).add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        special.sort(null);
        return new Listing(List.copyOf(files), List.copyOf(special));
    }

    static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(file)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    @Override
    public List<String> files() {
        return layout.files();
    }

    @Override
    public List<String> outside() {
        return outside;
    }

    @Override
    public InputStream open(String name) throws IOException {
        if (!layout.files().contains(name)) {
            throw new IllegalArgumentException("not a file of the package: " + name);
        }
        return Files.newInputStream(root.resolve(layout.base()).resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void verify(Collection<String> names) {
        // Plain files on disk: nothing declared to check against.
    }

    @Override
    public void close() {
    }
}
