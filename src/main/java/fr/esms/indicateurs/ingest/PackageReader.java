package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * Reads one export package in the pivot format, validates every row and streams what it finds to a
 * {@link PackageVisitor}. It never loads a whole file in memory.
 *
 * <p>Order of the calls: either a single {@link PackageVisitor#packageRejected} (unsafe or corrupt zip, no or bad
 * {@code export.csv}), or {@link PackageVisitor#manifest}, the manifest's and the package's warnings (unknown
 * columns of {@code export.csv}, ignored files), then for each data file
 * present, in {@link PivotFile} order, its rows, rejections and warnings followed by its
 * {@link PackageVisitor#fileRead}.
 *
 * <p>A file is decoded and parsed once before any of its rows is handed out, so a file rejected whole (not
 * UTF-8, invalid CSV, no header, missing or doubled required column) gives no row, only its {@link Rejection}s
 * (line 0) and a {@link FileSummary} with {@code rejectedWhole} set and zero counts; the other files are still
 * read. The entries of a zip are checked against their declared size and CRC before anything is handed out.
 *
 * <p>A row is rejected on its <em>first</em> problem, looking at its columns in the order of the spec's table,
 * then at the checks between columns ({@code date_sortie} before {@code date_entree}...). Lines are physical lines
 * of the file, the header being line 1; a row whose quoted value spans several lines has the line it starts on.
 * Values are trimmed; an empty value is absent. Rows whose fields are all empty are skipped (one warning per file
 * says how many). A row with more fields than the header (other than empty trailing fields) or fewer is rejected.
 *
 * <p>The stages, one class each: {@link PackageRun} locates the profile, the manifest and the data files;
 * {@link ManifestReader} reads the manifest; {@link CsvFileOpener} decodes and checks a CSV file;
 * {@link DataFileReader} validates and maps a data file's rows.
 */
public final class PackageReader {

    private final Predicate<String> inReferential;
    private final ZipLimits limits;
    private final EditorProfiles profiles;
    /** The profile the operator named for every package, or null to recognise each package's. */
    private final EditorProfile forced;
    /** Gives the day of the ingestion, which no {@code date_extraction} may pass. */
    private final Clock clock;
    /** The other format a package may hold (TDDUI), or null when only the pivot format is read. */
    private final PackageFormat other;

    /** @param inReferential whether a (well-formed) FINESS géographique is an ESSMS of the referential */
    public PackageReader(Predicate<String> inReferential) {
        this(inReferential, EditorProfiles.none(), null);
    }

    /**
     * @param profiles the editor profiles a package may be recognised by (the pivot format otherwise)
     * @param forced   the profile to apply to every package, or null
     */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced) {
        this(inReferential, profiles, forced, Clock.systemDefaultZone());
    }

    /** @param clock the day of the ingestion, for the check of {@code date_extraction} */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                         Clock clock) {
        this(inReferential, profiles, forced, clock, null);
    }

    /** @param other the other format a package may hold (TDDUI), recognised before the profiles; or null */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                         PackageFormat other) {
        this(inReferential, profiles, forced, Clock.systemDefaultZone(), other);
    }

    /**
     * @param clock the day of the ingestion, for the check of {@code date_extraction}
     * @param other the other format a package may hold (TDDUI), recognised before the profiles; or null
     */
    public PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                         Clock clock, PackageFormat other) {
        this(inReferential, profiles, forced, DepotScanner.DEFAULT_MAX_UNCOMPRESSED_BYTES,
                DepotScanner.DEFAULT_MAX_ENTRIES, clock, other);
    }

    /** With the zip limits of {@link DepotScanner#DepotScanner(long, int)}, checked again here. */
    public PackageReader(Predicate<String> inReferential, long maxUncompressedBytes, int maxEntries) {
        this(inReferential, EditorProfiles.none(), null, maxUncompressedBytes, maxEntries,
                Clock.systemDefaultZone(), null);
    }

    private PackageReader(Predicate<String> inReferential, EditorProfiles profiles, EditorProfile forced,
                          long maxUncompressedBytes, int maxEntries, Clock clock, PackageFormat other) {
        this.clock = clock;
        this.other = other;
        this.inReferential = inReferential;
        this.profiles = profiles;
        this.forced = forced;
        this.limits = new ZipLimits(maxUncompressedBytes, maxEntries);
    }

    /**
     * @throws UncheckedIOException when the package cannot be read from disk (missing, I/O error): an operational
     *                              failure, not a verdict on the package
     */
    public void read(ExportPackage pkg, PackageVisitor visitor) {
        try (PackageContent content = PackageContent.open(pkg.source(), limits)) {
            if (other != null && other.recognises(content.files())) {
                other.read(pkg.name(), content, visitor);
            } else {
                read(pkg.name(), content, visitor);
            }
        } catch (PackageRefusedException e) {
            visitor.packageRejected(new Rejection(pkg.name(), "", 0, "", "",
                    e.getMessage() + " : paquet rejeté en entier"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read package " + pkg.name() + " (" + pkg.source() + ")", e);
        }
    }

    /** Reads content already opened, in the pivot format (the CSV files a TDDUI package may hold beside). */
    public void read(String packageName, PackageContent content, PackageVisitor visitor) throws IOException {
        new PackageRun(packageName, content, visitor, profiles, forced, inReferential, clock).read();
    }
}
