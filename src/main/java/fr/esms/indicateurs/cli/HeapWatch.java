package fr.esms.indicateurs.cli;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Samples the used heap while a command runs, for the operator's summary and the benchmark: the peak of the heap
 * in use (garbage included, so it depends on when the collector runs: with a large {@code -Xmx} it grows with the
 * run's length), the peak of what each collection left (an upper bound: G1's young collections leave the old
 * generation as it is) and the peak of what each full collection left, the data really kept, which is what must
 * not grow with the number of ESSMS or the months kept. A normal run has no full collection; the benchmark asks
 * for them ({@code jcmd PID GC.run}) when it measures the heap.
 */
final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    /** The pools of the heap: a collection's report also gives Metaspace and the code cache, which are not. */
    private final Set<String> heapPools = heapPoolNames();
    private final Thread sampler;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private volatile long peak;
    private volatile long peakAfterGc;
    private volatile long peakLive;
    private volatile int fullCollections;
    private volatile boolean running = true;

    HeapWatch() {
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mesure-memoire");
        sampler.setDaemon(true);
        sampler.start();
        NotificationListener afterGc = this::collected;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(afterGc);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = heapUsed(info.getGcInfo().getMemoryUsageAfterGc(), heapPools);
        peakAfterGc = Math.max(peakAfterGc, used);
        if (info.getGcAction().contains("major")) { // G1: "end of major GC", a full collection
            peakLive = Math.max(peakLive, used);
            fullCollections++;
        }
    }

    static Set<String> heapPoolNames() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
    }

    /** What the heap's pools hold in a collection's report of every pool. */
    static long heapUsed(Map<String, MemoryUsage> byPool, Set<String> heapPools) {
        return byPool.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    long peakMebibytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) / (1024 * 1024);
    }

    /** The most data a collection left on the heap (0 if none ran). */
    long peakAfterGcMebibytes() {
        return peakAfterGc / (1024 * 1024);
    }

    /** The most data a full collection left on the heap (0 if none ran). */
    long peakLiveMebibytes() {
        return peakLive / (1024 * 1024);
    }

    int fullCollections() {
        return fullCollections;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
    }
}
