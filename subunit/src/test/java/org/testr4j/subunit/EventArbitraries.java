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
}
