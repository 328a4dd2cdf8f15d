package org.testr4j.subunit.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.SubunitFormatException;

class V1RoundTripProperties {
    /** One test of a generated run; a null final status means the run never ends it. */
    record TestRun(String id, TestStatus finalStatus, List<String> tags, byte[] attachment) {}

    record Outcome(String id, TestStatus status) {}

    @Property
    void v2EventsWrittenAsV1ReadBackWithTheSameIdsAndFinalStatuses(@ForAll("runs") List<TestRun> runs) {
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        V1Writer writer = V1Writer.to(v1);
        for (TestRun run : runs) {
            writer.status(Event.test(run.id()).status(TestStatus.IN_PROGRESS).build());
        }
        List<Outcome> expected = new ArrayList<>();
        for (TestRun run : runs) {
            if (run.attachment() != null) {
                writer.status(Event.test(run.id())
                        .file("log", Bytes.of(run.attachment()))
                        .mimeType("application/octet-stream")
                        .build());
            }
            if (run.finalStatus() != null) {
                writer.status(Event.test(run.id())
                        .status(run.finalStatus())
                        .tags(new java.util.LinkedHashSet<>(run.tags()))
                        .build());
                expected.add(new Outcome(run.id(), run.finalStatus()));
            }
        }
        writer.stopRun();
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).finalStatus() == null) {
                expected.add(new Outcome(runs.get(i).id(), TestStatus.FAIL)); // unfinished: failed, latest first
            }
        }

        List<Event> events = V1Events.read(v1.toByteArray(), InputShape.WHOLE);

        assertThat(events)
                .filteredOn(e -> e.status().isFinal())
                .extracting(e -> new Outcome(e.testId(), e.status()))
                .containsExactlyElementsOf(expected);
        assertThat(events).filteredOn(e -> e.testId() == null).isEmpty();
    }

    @Property
    void anyBytesAreReadToTheEndWithoutAnUnexpectedException(@ForAll("v1ish") byte[] input) throws IOException {
        List<Event> events = new ArrayList<>();

        V1Reader.lenient(new ByteArrayInputStream(input), V1Events.CLOCK).readAll(events::add);

        assertThatCode(() -> V1Reader.strict(new ByteArrayInputStream(input), V1Events.CLOCK)
                        .readAll(e -> {}))
                .satisfiesAnyOf(
                        thrown -> assertThat(thrown).isNull(),
                        thrown -> assertThat(thrown).isInstanceOf(SubunitFormatException.class));
        long outputBytes = events.stream()
                .filter(e -> e.testId() == null)
                .mapToLong(e -> e.fileBytes().size())
                .sum();
        assertThat(outputBytes).isLessThanOrEqualTo(input.length);
    }

    @Provide
    Arbitrary<List<TestRun>> runs() {
        Arbitrary<String> ids = Arbitraries.strings()
                .withChars("abcxyz.:_-[] é中")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(id -> !id.isBlank());
        Arbitrary<TestStatus> statuses = Arbitraries.of(
                        TestStatus.SUCCESS,
                        TestStatus.FAIL,
                        TestStatus.SKIP,
                        TestStatus.EXPECTED_FAIL,
                        TestStatus.UNEXPECTED_SUCCESS)
                .injectNull(0.15);
        Arbitrary<List<String>> tags = Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(5)
                .list()
                .ofMaxSize(3);
        Arbitrary<byte[]> attachments =
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300).injectNull(0.5);
        return Combinators.combine(ids, statuses, tags, attachments)
                .as(TestRun::new)
                .list()
                .ofMaxSize(8)
                .uniqueElements(TestRun::id);
    }

    /** Bytes biased towards the protocol's own words, so the parser's states are all reached. */
    @Provide
    Arbitrary<byte[]> v1ish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "test: a\n",
                "success: a\n",
                "failure: a [\n",
                "error: a [ multipart\n",
                "Content-Type: text/plain\n",
                "log\n",
                "5\r\n",
                "hello",
                "0\r\n",
                "ZZ\r\n",
                "]\n",
                " ]\n",
                "tags: x -y\n",
                "time: 2024-01-02 03:04:05Z\n",
                "time: nonsense\n",
                "progress: +1\n",
                "progress: ?\n",
                "\n",
                "\r\n",
                "\u00b3\u00ff",
                "plain text\n");
        return pieces.list()
                .ofMaxSize(30)
                .map(list -> String.join("", list).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Property
    void anyRawBytesAreReadToTheEnd(@ForAll @Size(max = 400) byte[] input) throws IOException {
        List<Event> events = new ArrayList<>();

        V1Reader.lenient(new ByteArrayInputStream(input), V1Events.CLOCK).readAll(events::add);

        assertThat(events).allSatisfy(e -> assertThat(e.status()).isNotNull());
    }
}
