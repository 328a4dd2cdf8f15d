package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.TestStatus;

class TestResultTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void measuresItsDurationWhenBothEndsHaveTimestamps() {
        TestResult timed = result(T0, T0.plusMillis(1500));
        TestResult untimed = result(T0, null);

        assertThat(timed.duration()).contains(Duration.ofMillis(1500));
        assertThat(untimed.duration()).isEmpty();
    }

    @Test
    void findsAnAttachmentByName() {
        TestResult r = new TestResult(
                "a",
                TestStatus.FAIL,
                Set.of(),
                true,
                null,
                null,
                null,
                List.of(new Attachment("traceback", "text/plain", Bytes.utf8("boom"))));

        assertThat(r.attachment("traceback")).map(Attachment::content).contains(Bytes.utf8("boom"));
        assertThat(r.attachment("stdout")).isEmpty();
    }

    @Test
    void copiesTheCallersCollections() {
        Set<String> tags = new LinkedHashSet<>(Set.of("x"));
        List<Attachment> attachments = new ArrayList<>();
        TestResult r = new TestResult("a", TestStatus.SUCCESS, tags, true, null, null, null, attachments);

        tags.add("y");
        attachments.add(new Attachment("late", null, Bytes.EMPTY));

        assertThat(r.tags()).containsExactly("x");
        assertThat(r.attachments()).isEmpty();
    }

    @Test
    void requiresATestIdAndStatus() {
        assertThatThrownBy(() -> new TestResult(null, TestStatus.SUCCESS, Set.of(), true, null, null, null, List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("testId");
    }

    @Test
    void treatsAttachmentsWithoutMimeTypeOrTextLikeTypesAsText() {
        assertThat(new Attachment("stdout", null, Bytes.EMPTY).isText()).isTrue();
        assertThat(new Attachment("log", "application/json", Bytes.EMPTY).isText())
                .isTrue();
        assertThat(new Attachment("core", "application/octet-stream", Bytes.EMPTY).isText())
                .isFalse();
    }

    private static TestResult result(Instant start, Instant stop) {
        return new TestResult("a", TestStatus.SUCCESS, Set.of(), true, null, start, stop, List.of());
    }
}
