package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a full collection leaves is counted apart from what any collection leaves (the benchmark's "données gardées"). */
class HeapWatchTest {

    @Test
    void aFullCollectionGivesTheDataKeptWithinTheUpperBound() throws InterruptedException {
        try (HeapWatch heap = new HeapWatch()) {
            assertEquals(0, heap.fullCollections());
            // Kept across the collection: at least 64 MiB must be counted as data kept.
            byte[][] kept = new byte[64][];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new byte[1024 * 1024];
            }
            System.gc(); // a full collection under G1 (the tests do not disable explicit collections)
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (heap.fullCollections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // the collector's notification arrives on another thread
            }
            assertTrue(heap.fullCollections() >= 1);
            assertTrue(heap.peakLiveMebibytes() >= 64, "gardé : " + heap.peakLiveMebibytes() + " Mio");
            assertTrue(heap.peakAfterGcMebibytes() >= heap.peakLiveMebibytes());
            assertTrue(heap.peakMebibytes() >= 64);
            assertEquals(64, kept.length);
        }
    }
}
