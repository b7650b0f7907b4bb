package fr.esms.indicateurs.ingest;

/** Limits that refuse zip bombs: total uncompressed size of the entries and number of entries. */
record ZipLimits(long maxUncompressedBytes, int maxEntries) {

    static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 2L * 1024 * 1024 * 1024;
    static final int DEFAULT_MAX_ENTRIES = 1000;
    static final ZipLimits DEFAULTS = new ZipLimits(DEFAULT_MAX_UNCOMPRESSED_BYTES, DEFAULT_MAX_ENTRIES);

    ZipLimits {
        if (maxUncompressedBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }
}
