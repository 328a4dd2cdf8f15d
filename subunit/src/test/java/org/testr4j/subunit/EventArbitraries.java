package org.testr4j.subunit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for events, shared by every module's property tests.
 *
 * <p>They produce only what a v2 packet can carry back unchanged: text without NUL or lone
 * surrogates, timestamps from 1970 to 2106, and no empty MIME type (python-subunit leaves an empty
 * one out, so it reads back as none).
 *
 * <pre>{@code
 * @Provide Arbitrary<Event> events() { return EventArbitraries.events(); }
 * }</pre>
 */
public final class EventArbitraries {
    private EventArbitraries() {}

    /** Any event a packet can carry. */
    public static Arbitrary<Event> events() {
        Arbitrary<Event.Builder> head = Combinators.combine(
                        text().injectNull(0.2),
                        Arbitraries.of(TestStatus.class),
                        tags(),
                        Arbitraries.of(true, false),
                        text().injectNull(0.5),
                        timestamps().injectNull(0.4))
                .as((id, status, tags, runnable, route, at) -> Event.builder()
                        .testId(id)
                        .status(status)
                        .tags(tags)
                        .runnable(runnable)
                        .routeCode(route)
                        .timestamp(at));
        Arbitrary<String> mime = text().filter(s -> !s.isEmpty()).injectNull(0.5);
        Arbitrary<String> fileName = text().injectNull(0.5);
        return Combinators.combine(head, fileName, content(), mime, Arbitraries.of(true, false))
                .as((b, name, bytes, mimeType, eof) -> {
                    if (name != null) {
                        b.file(name, bytes);
                    }
                    return b.mimeType(mimeType).eof(eof).build();
                });
    }

    /** Text a packet can carry: no NUL, no lone surrogates, now and then a character outside the BMP. */
    public static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings()
                .withCharRange('\u0001', '\u007f')
                .withCharRange('\u0080', '\ud7ff')
                .withCharRange('\ue000', '\ufffd')
                .ofMaxLength(24);
        Arbitrary<String> supplementary = bmp.map(s -> s + "\ud83d\ude00");
        Arbitrary<String> identifier =
                Arbitraries.strings().alpha().numeric().withChars("._/-").ofMaxLength(40);
        return Arbitraries.frequencyOf(List.of(Tuple.of(8, bmp), Tuple.of(1, supplementary), Tuple.of(1, identifier)));
    }

    /** Zero to three tags. */
    public static Arbitrary<Set<String>> tags() {
        return text().set().ofMaxSize(3);
    }

    /** Instants subunit can write: whole seconds from 1970 to 2106, any nanoseconds. */
    public static Arbitrary<Instant> timestamps() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    /** File content: mostly small, sometimes empty, sometimes past the 1- and 2-byte varint widths. */
    public static Arbitrary<Bytes> content() {
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> large =
                Arbitraries.bytes().array(byte[].class).ofMinSize(16300).ofMaxSize(16500);
        return Arbitraries.frequencyOf(List.of(Tuple.of(20, small), Tuple.of(1, large)))
                .map(Bytes::of);
    }

    /**
     * Events about a few tests (ids {@code a}, {@code b}, {@code pkg.c}) with a few tags, routes and
     * files, so that random streams start, attach to and end the same tests: for processors.
     */
    public static Arbitrary<Event> eventsAboutFewTests() {
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

    /** Streams of up to 60 {@link #eventsAboutFewTests()}. */
    public static Arbitrary<List<Event>> streams() {
        return eventsAboutFewTests().list().ofMaxSize(60);
    }

    private record FileChunk(String name, String text, String mimeType) {}
}
