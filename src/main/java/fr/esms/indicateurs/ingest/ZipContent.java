package fr.esms.indicateurs.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip package, read entry by entry with {@link ZipFile} (nothing is extracted to disk). Opening it refuses
 * archives that are unreadable, have too many entries, declare too many uncompressed bytes, or have an entry
 * whose name would escape the package (absolute path, drive letter, {@code ..}). Every stream it opens is cut at
 * the entry's declared size, so an entry that lies about its size cannot inflate past the limits. Nested zips
 * are only files: they are never opened.
 */
final class ZipContent implements PackageContent {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final ZipFile zip;
    private final Layout layout;
    private final Map<String, ZipEntry> entriesByName;
    private final long maxUncompressedBytes;

    private ZipContent(ZipFile zip, Layout layout, Map<String, ZipEntry> entriesByName, long maxUncompressedBytes) {
        this.zip = zip;
        this.layout = layout;
        this.entriesByName = entriesByName;
        this.maxUncompressedBytes = maxUncompressedBytes;
    }

    static ZipContent open(Path source, ZipLimits limits) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(source.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            // Entry names not flagged as UTF-8 are, by the zip spec, in CP437 (Windows' own zip tool writes them
            // in the OEM code page): retry with it; names flagged as UTF-8 are still read as UTF-8.
            zip = openLegacy(source, e);
        }
        try {
            return inspect(zip, limits);
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                throw new PackageRefusedException("archive zip illisible (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static ZipFile openLegacy(Path source, Exception utf8Failure) throws IOException {
        try {
            return new ZipFile(source.toFile(), Charset.forName("IBM437"));
        } catch (ZipException | IllegalArgumentException e) {
            throw new PackageRefusedException("archive zip illisible (" + utf8Failure.getMessage() + ")",
                    utf8Failure);
        }
    }

    private static ZipContent inspect(ZipFile zip, ZipLimits limits) throws IOException {
        if (zip.size() > limits.maxEntries()) {
            throw new PackageRefusedException("archive de " + zip.size() + " entrées, plus que les "
                    + limits.maxEntries() + " admises : refusée (bombe zip ?)");
        }
        Map<String, ZipEntry> visible = new HashMap<>();
        long declared = 0;
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (++count > limits.maxEntries()) {
                throw new PackageRefusedException("archive de plus de " + limits.maxEntries()
                        + " entrées : refusée (bombe zip ?)");
            }
            String path = safePath(entry.getName());
            if (entry.getSize() > 0) {
                declared += entry.getSize();
                if (declared > limits.maxUncompressedBytes()) {
                    throw new PackageRefusedException("archive de plus de " + limits.maxUncompressedBytes()
                            + " octets une fois décompressée : refusée (bombe zip ?)");
                }
            }
            if (!entry.isDirectory() && !path.isEmpty() && !PackageContent.isHidden(path)) {
                visible.put(path, entry);
            }
        }
        Layout layout = Layout.of(visible.keySet());
        Map<String, ZipEntry> byName = new HashMap<>();
        for (String name : layout.files()) {
            byName.put(name, visible.get(layout.base() + name));
        }
        return new ZipContent(zip, layout, byName, limits.maxUncompressedBytes());
    }

    /** The entry name as a relative path with {@code /}; refuses names that would leave the package. */
    static String safePath(String name) throws PackageRefusedException {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || DRIVE.matcher(path).matches() || path.indexOf('\0') >= 0) {
            throw new PackageRefusedException("entrée « " + printable(name) + " » avec un chemin absolu :"
                    + " archive refusée (sortie du dossier du paquet)");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new PackageRefusedException("entrée « " + printable(name) + " » contenant « .. » :"
                        + " archive refusée (sortie du dossier du paquet)");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public List<String> files() {
        return layout.files();
    }

    @Override
    public List<String> outside() {
        return layout.outside();
    }

    @Override
    public InputStream open(String name) throws IOException {
        ZipEntry entry = entriesByName.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("not a file of the package: " + name);
        }
        long cap = entry.getSize() >= 0 ? entry.getSize() : maxUncompressedBytes;
        try {
            return new CappedInputStream(zip.getInputStream(entry), name, cap);
        } catch (ZipException e) {
            throw new PackageRefusedException("entrée « " + name + " » illisible (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void verify(Collection<String> names) throws IOException {
        byte[] buffer = new byte[8192];
        for (String name : names) {
            ZipEntry entry = entriesByName.get(name);
            CRC32 crc = new CRC32();
            long size = 0;
            try (InputStream in = open(name)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
            } catch (ZipException e) {
                throw new PackageRefusedException("entrée « " + name + " » illisible (" + e.getMessage() + ")", e);
            }
            if ((entry.getSize() >= 0 && size != entry.getSize()) || (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc())) {
                throw new PackageRefusedException("entrée « " + name + " » corrompue : sa taille ou sa somme de"
                        + " contrôle ne correspond pas à celle que l'archive déclare");
            }
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Refuses to deliver more bytes than the entry declared. */
    private static final class CappedInputStream extends FilterInputStream {

        private final String name;
        private long remaining;

        CappedInputStream(InputStream in, String name, long cap) {
            super(in);
            this.name = name;
            this.remaining = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                // The declared size is reached: anything more is a lie about the size.
                if (in.read() >= 0) {
                    throw new PackageRefusedException("entrée « " + name + " » plus grande une fois décompressée"
                            + " que la taille qu'elle déclare : archive refusée (bombe zip ?)");
                }
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(Math.max(n, 0), remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
