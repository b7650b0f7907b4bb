package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.util.List;

/**
 * A format other than the pivot CSV that a package may hold (the TDDUI FHIR export). {@link PackageReader} hands
 * it the packages it recognises; it streams them to the visitor under the same contract as the pivot format.
 */
public interface PackageFormat {

    /** Whether the package folder's files are in this format. */
    boolean recognises(List<String> files);

    /**
     * Reads the package. Throws an {@link IOException} only for an operational failure (disk); a package that cannot
     * be read safely is told to the visitor with {@link PackageVisitor#packageRejected}.
     */
    void read(String packageName, PackageContent content, PackageVisitor visitor) throws IOException;
}
