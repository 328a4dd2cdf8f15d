package org.testr4j.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * How much heap this JVM has needed so far: the peak usage of each heap pool, summed, and the
 * garbage collections that kept it there.
 *
 * <p>The sum of per-pool peaks is an upper bound on the true peak (pools peak at different
 * moments), so it never flatters the codec. {@code -Xmx} is the hard proof: a run that finishes
 * under {@code -Xmx64m} fitted in 64 MiB.
 *
 * <pre>{@code
 * HeapUse.sinceStart().row() // "heap-peak-mb 21.4 max-mb 64.0 gc-count 812 gc-ms 95"
 * }</pre>
 */
record HeapUse(long peakBytes, long maxBytes, long collections, long collectionMillis) {
    static HeapUse sinceStart() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new HeapUse(
                peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(), collections, millis);
    }

    String row() {
        return String.format(
                Locale.ROOT,
                "heap-peak-mb %.1f max-mb %.1f gc-count %d gc-ms %d",
                peakBytes / 1048576.0,
                maxBytes / 1048576.0,
                collections,
                collectionMillis);
    }
}
