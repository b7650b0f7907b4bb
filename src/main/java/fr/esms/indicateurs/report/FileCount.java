package fr.esms.indicateurs.report;

/**
 * Rows read, kept and rejected in one file of a package. {@code rejectedWhole} is the French reason when the
 * whole file was rejected (a missing required column, ...), null otherwise.
 */
public record FileCount(String packageName, String file, long read, long kept, long rejected,
                        String rejectedWhole) {

    public FileCount(String packageName, String file, long read, long kept, long rejected) {
        this(packageName, file, read, kept, rejected, null);
    }
}
