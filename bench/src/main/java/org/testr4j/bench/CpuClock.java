package org.testr4j.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time spent on the benchmark: this thread's, plus the garbage collector's (which runs on other
 * threads but is work the codec caused). Collector time is only known to the millisecond.
 *
 * <pre>{@code
 * long start = CpuClock.nanos();
 * reader.readAll(sink);
 * long cpu = CpuClock.nanos() - start;
 * }</pre>
 */
final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    private CpuClock() {}

    static long nanos() {
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : COLLECTORS) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return THREADS.getCurrentThreadCpuTime() + gcMillis * 1_000_000;
    }
}
