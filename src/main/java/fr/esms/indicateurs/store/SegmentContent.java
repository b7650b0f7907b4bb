package fr.esms.indicateurs.store;

/**
 * What a segment holds. Snapshot rows (stays, records, projets personnalisés) and dated rows (update months,
 * agenda events, MSS messages, DMP documents, counted events) go to separate segments, so that the calculation
 * can pass over the oldest dated segments that end before its window ({@link SegmentMerge#forWindow}).
 */
enum SegmentContent {
    PHOTOS("P"),
    EVENEMENTS("E"),
    /** Both kinds: segments written before the split (schema V8). */
    MIXTE("M"),
    /**
     * Snapshot rows of several packages, the winning row of each key with the package it came from
     * ({@link SegmentCompaction}); read like snapshot rows, each ranked by its own package.
     */
    COMPACTES("C"),
    /**
     * Written with a compacted segment, in the same layout: the rows of the persons whose every stay has ended
     * (their stays, records and projets personnalisés), grouped by the month of their last exit, with that
     * latest exit date. A window starting after it has nothing to count in them ({@link SegmentMerge#forWindow}).
     */
    ARCHIVES("A");

    final String code;

    SegmentContent(String code) {
        this.code = code;
    }

    /** Rows with their origin ({@link SegmentCodec#FORMAT_COMPACTED}), each ranked by its own package. */
    boolean isCompacted() {
        return this == COMPACTES || this == ARCHIVES;
    }

    static SegmentContent of(String code) {
        for (SegmentContent content : values()) {
            if (content.code.equals(code)) {
                return content;
            }
        }
        throw new StoreException("contenu de segment inconnu : « " + code + " »", null);
    }
}
