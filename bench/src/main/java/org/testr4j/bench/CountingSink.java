package org.testr4j.bench;

import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * A sink that looks at every event the way a cheap consumer would: it counts them by status and
 * adds up attachment bytes, so the JIT cannot drop the decoding as dead code.
 *
 * <pre>{@code
 * CountingSink counts = new CountingSink();
 * PacketReader.lenient(in).readAll(counts);
 * counts.events(); // 2050000 for the 1M-test stream
 * }</pre>
 */
final class CountingSink implements StreamResult {
    private final long[] byStatus = new long[8];
    private long events;
    private long fileBytes;
    private long idChars;

    @Override
    public void status(Event event) {
        events++;
        byStatus[event.status().code()]++;
        if (event.hasFile()) {
            fileBytes += event.fileBytes().size();
        }
        if (event.testId() != null) {
            idChars += event.testId().length();
        }
    }

    long events() {
        return events;
    }

    /** A number that depends on every field looked at, printed so the work is observable. */
    long checksum() {
        long sum = events * 31 + fileBytes * 17 + idChars;
        for (long count : byStatus) {
            sum = sum * 7 + count;
        }
        return sum;
    }
}
