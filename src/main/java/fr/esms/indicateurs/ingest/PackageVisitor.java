package fr.esms.indicateurs.ingest;

/**
 * Receives what {@link PackageReader} finds in one package, in file order: the manifest first, then for each data
 * file its rows, rejections and warnings, then its summary. A package rejected whole gets
 * {@link #packageRejected} and nothing else after it.
 */
public interface PackageVisitor {

    void manifest(Manifest manifest);

    void row(PivotFile file, PivotRow row);

    void rejection(Rejection rejection);

    /** A French warning that rejects nothing (unknown extra column, Corsican FINESS key not checked...). */
    void warning(String file, long line, String message);

    void fileRead(FileSummary summary);

    void packageRejected(Rejection reason);
}
