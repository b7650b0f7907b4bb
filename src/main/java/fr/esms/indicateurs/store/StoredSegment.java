package fr.esms.indicateurs.store;

import java.util.Comparator;

/**
 * A stored segment: the rows package {@code sha256} gave for ESSMS {@code finess} (a package too large for memory
 * gives several parts, numbered in file order), with the package's place among exports: {@code order} (date
 * d'extraction|nom du paquet) then {@code rank}, the order in which packages were ingested.
 */
record StoredSegment(String finess, String sha256, int part, String order, long rank, byte[] data) {

    /** The order in which segments are combined: the latest export last, so that it wins. */
    static final Comparator<StoredSegment> EXPORT_ORDER = Comparator.comparing(StoredSegment::order)
            .thenComparingLong(StoredSegment::rank).thenComparing(StoredSegment::sha256)
            .thenComparingInt(StoredSegment::part);
}
