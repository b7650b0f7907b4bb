package fr.esms.indicateurs.ingest;

/** Rows read, kept and rejected in one file of a package; {@code rejectedWhole} with the reason in French. */
public record FileSummary(String file, long read, long kept, long rejected, String rejectedWhole) {
}
