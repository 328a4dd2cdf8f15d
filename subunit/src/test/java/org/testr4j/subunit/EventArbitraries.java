package org.testr4j.subunit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for events drawn from small pools, so that generated streams reuse test ids,
 * route codes and tags and so exercise the interesting cases: interleaved tests, the same test on
 * two routes, a test reopened after it ended, output between tests.
 *
 * <pre>{@code
 * @Provide Arbitrary<List<Event>> streams() { return EventArbitraries.streams(); }
 * }</pre>
 */
public final class EventArbitraries {
    private EventArbitraries() {}

    /** One event with any status, from the small pools. */
    public static Arbitrary<Event> events() {
        Arbitrary<String> testIds = Arbitraries.of("a", "b", "pkg.c").injectNull(0.15);
        Arbitrary<TestStatus> statuses = Arbitraries.of(TestStatus.class);
        Arbitrary<Set<String>> tags = Arbitraries.of("x", "y", "z").set().ofMaxSize(2);
        Arbitrary<String> routes = Arbitraries.of("0", "1", "1/2").injectNull(0.4);
        Arbitrary<FileChunk> files = Combinators.combine(
                        Arbitraries.of("traceback", "stdout"),
                        Arbitraries.of("boom", "ok\nline two", ""),
                        Arbitraries.of("text/plain", "application/octet-stream").injectNull(0.5))
                .as(FileChunk::new)
                .injectNull(0.6);
        Arbitrary<Instant> timestamps = Arbitraries.longs()
                .between(0, 10_000)
                .map(ms -> Instant.ofEpochSecond(1_700_000_000L).plusMillis(ms))
                .injectNull(0.3);
        return Combinators.combine(testIds, statuses, tags, routes, files, timestamps)
                .as((id, status, tagSet, route, file, ts) -> {
                    Event.Builder b = Event.builder()
                            .testId(id)
                            .status(status)
                            .tags(tagSet)
                            .routeCode(route)
                            .timestamp(ts);
                    if (file != null) {
                        b.file(file.name(), Bytes.utf8(file.text())).mimeType(file.mimeType());
                    }
                    return b.build();
                });
    }

    /** Streams of up to 60 events. */
    public static Arbitrary<List<Event>> streams() {
        return events().list().ofMaxSize(60);
    }

    private record FileChunk(String name, String text, String mimeType) {}
}
