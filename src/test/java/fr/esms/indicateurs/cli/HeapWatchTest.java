package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;

import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;

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

    @Test
    void onlyTheHeapsPoolsAreCounted() {
        Set<String> heap = HeapWatch.heapPoolNames();
        assertTrue(!heap.isEmpty() && heap.stream().noneMatch(name -> name.contains("Metaspace")
                || name.contains("CodeHeap") || name.contains("Class Space")), heap.toString());
        // A collection reports every pool: Metaspace and the code cache grow with the run, not with its data.
        Map<String, MemoryUsage> afterGc = new java.util.HashMap<>();
        heap.forEach(pool -> afterGc.put(pool, new MemoryUsage(0, 10, 20, -1)));
        afterGc.put("Metaspace", new MemoryUsage(0, 90, 95, -1));
        afterGc.put("CodeHeap 'non-profiled nmethods'", new MemoryUsage(0, 30, 32, 120));
        assertEquals(10L * heap.size(), HeapWatch.heapUsed(afterGc, heap));
    }
}
