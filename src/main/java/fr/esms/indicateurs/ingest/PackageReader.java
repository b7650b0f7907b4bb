package fr.esms.indicateurs.ingest;

import java.util.function.Predicate;

/**
 * Reads one export package in the pivot format, validates every row and streams what it finds to a
 * {@link PackageVisitor}. It never loads a whole file in memory.
 */
public final class PackageReader {

    private final Predicate<String> inReferential;

    /** @param inReferential whether a (well-formed) FINESS géographique is an ESSMS of the referential */
    public PackageReader(Predicate<String> inReferential) {
        this.inReferential = inReferential;
    }

    public void read(ExportPackage pkg, PackageVisitor visitor) {
        throw new UnsupportedOperationException("TODO");
    }
}
