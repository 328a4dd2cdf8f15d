package org.testr4j.subunit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events with every combination of the optional fields, for contract tests: testtools calls
 * {@code status()} with every subset of its optional arguments, and so do we.
 */
public final class EventCombinations {
    // The optional parts of an event, one bit each.
    private static final int TEST_ID = 1;
    private static final int TAGS = 1 << 1;
    private static final int NOT_RUNNABLE = 1 << 2;
    private static final int FILE = 1 << 3;
    private static final int MIME_TYPE = 1 << 4;
    private static final int EOF = 1 << 5;
    private static final int ROUTE_CODE = 1 << 6;
    private static final int TIMESTAMP = 1 << 7;
    private static final int ALL = 1 << 8;

    private EventCombinations() {}

    /** One event for every subset of the optional fields and every status: 2,048 events. */
    public static List<Event> all() {
        List<Event> events = new ArrayList<>(ALL * TestStatus.values().length);
        for (TestStatus status : TestStatus.values()) {
            for (int fields = 0; fields < ALL; fields++) {
                events.add(withFields(fields, status));
            }
        }
        return events;
    }

    private static Event withFields(int fields, TestStatus status) {
        Event.Builder b = Event.builder().status(status);
        if ((fields & TEST_ID) != 0) {
            b.testId("pkg.Case.test_" + fields);
        }
        if ((fields & TAGS) != 0) {
            b.tags("tagged", "worker-" + (fields % 3));
        }
        if ((fields & NOT_RUNNABLE) != 0) {
            b.runnable(false);
        }
        if ((fields & FILE) != 0) {
            b.file("attachment", Bytes.utf8("content of " + fields));
        }
        if ((fields & MIME_TYPE) != 0) {
            b.mimeType("text/plain;charset=utf8");
        }
        if ((fields & EOF) != 0) {
            b.eof(true);
        }
        if ((fields & ROUTE_CODE) != 0) {
            b.routeCode(fields % 2 == 0 ? "0" : "1/2");
        }
        if ((fields & TIMESTAMP) != 0) {
            b.timestamp(Instant.ofEpochSecond(1_700_000_000L + fields, 123_456_000));
        }
        return b.build();
    }
}
