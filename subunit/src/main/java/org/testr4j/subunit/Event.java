package org.testr4j.subunit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One subunit event: exactly what one v2 packet can carry.
 *
 * <p>An event reports a test's status, carries a chunk of a file attachment, or both. A file with
 * no test id belongs to the stream as a whole (output between tests). Tags keep the order they
 * arrived in, so an event read from a stream writes back to the same bytes. Timestamps keep
 * nanoseconds and are UTC.
 *
 * <pre>{@code
 * Event started = Event.test("pkg.T.adds").status(TestStatus.IN_PROGRESS).timestamp(now).build();
 * Event log = Event.test("pkg.T.adds").file("stdout", Bytes.utf8("hi\n")).mimeType("text/plain").build();
 * }</pre>
 *
 * @param testId the test this event is about, or null for stream-level output
 * @param status never null; {@link TestStatus#NONE} when the packet carries no status
 * @param tags the tags, in arrival order; empty when absent
 * @param runnable false for test-like things that cannot be selected by id
 * @param fileName the attachment's name, or null when no file content is carried
 * @param fileBytes this chunk of the attachment, present exactly when {@code fileName} is
 * @param mimeType the attachment's MIME type, or null
 * @param eof true on the last chunk of an attachment
 * @param routeCode the path of forwarders the event came through ({@code "0/3"}), or null
 * @param timestamp when the event happened, or null
 */
public record Event(
        String testId,
        TestStatus status,
        Set<String> tags,
        boolean runnable,
        String fileName,
        Bytes fileBytes,
        String mimeType,
        boolean eof,
        String routeCode,
        Instant timestamp) {

    public Event {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tags, "tags");
        if ((fileName == null) != (fileBytes == null)) {
            throw new IllegalArgumentException(
                    "file name and file bytes go together: name=" + fileName + ", bytes=" + fileBytes);
        }
        requireNoNul("test id", testId);
        requireNoNul("file name", fileName);
        requireNoNul("mime type", mimeType);
        requireNoNul("route code", routeCode);
        tags = copyTags(tags);
    }

    /** A builder for an event about {@code testId}. */
    public static Builder test(String testId) {
        return new Builder().testId(Objects.requireNonNull(testId, "testId"));
    }

    /** A builder for an event with no test id (stream-level output or tags). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this event's fields, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True if this event carries a chunk of a file attachment. */
    public boolean hasFile() {
        return fileName != null;
    }

    public Event withRouteCode(String newRouteCode) {
        return new Event(testId, status, tags, runnable, fileName, fileBytes, mimeType, eof, newRouteCode, timestamp);
    }

    public Event withTags(Set<String> newTags) {
        return new Event(testId, status, newTags, runnable, fileName, fileBytes, mimeType, eof, routeCode, timestamp);
    }

    public Event withTimestamp(Instant newTimestamp) {
        return new Event(testId, status, tags, runnable, fileName, fileBytes, mimeType, eof, routeCode, newTimestamp);
    }

    public Event withTestId(String newTestId) {
        return new Event(newTestId, status, tags, runnable, fileName, fileBytes, mimeType, eof, routeCode, timestamp);
    }

    public Event withStatus(TestStatus newStatus) {
        return new Event(testId, newStatus, tags, runnable, fileName, fileBytes, mimeType, eof, routeCode, timestamp);
    }

    private static void requireNoNul(String what, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain NUL: " + value.replace('\0', '␀'));
        }
    }

    private static Set<String> copyTags(Set<String> tags) {
        switch (tags.size()) {
            case 0:
                return Set.of();
            case 1:
                String only = tags.iterator().next();
                requireNoNul("tag", only);
                return Set.of(only);
            default:
                LinkedHashSet<String> copy = new LinkedHashSet<>(tags);
                for (String tag : copy) {
                    requireNoNul("tag", Objects.requireNonNull(tag, "tag"));
                }
                return Collections.unmodifiableSet(copy);
        }
    }

    /** Builds an {@link Event}; {@code runnable} defaults to true and status to {@link TestStatus#NONE}, as in python-subunit. */
    public static final class Builder {
        private String testId;
        private TestStatus status = TestStatus.NONE;
        private Set<String> tags = Set.of();
        private boolean runnable = true;
        private String fileName;
        private Bytes fileBytes;
        private String mimeType;
        private boolean eof;
        private String routeCode;
        private Instant timestamp;

        private Builder() {}

        private Builder(Event e) {
            testId = e.testId;
            status = e.status;
            tags = e.tags;
            runnable = e.runnable;
            fileName = e.fileName;
            fileBytes = e.fileBytes;
            mimeType = e.mimeType;
            eof = e.eof;
            routeCode = e.routeCode;
            timestamp = e.timestamp;
        }

        public Builder testId(String value) {
            testId = value;
            return this;
        }

        public Builder status(TestStatus value) {
            status = Objects.requireNonNull(value, "status");
            return this;
        }

        public Builder tags(Set<String> value) {
            tags = Objects.requireNonNull(value, "tags");
            return this;
        }

        public Builder tags(String... value) {
            tags = new LinkedHashSet<>(java.util.Arrays.asList(value));
            return this;
        }

        public Builder runnable(boolean value) {
            runnable = value;
            return this;
        }

        /** Attaches a chunk of file {@code name}; set {@link #eof(boolean)} on the last chunk. */
        public Builder file(String name, Bytes content) {
            fileName = Objects.requireNonNull(name, "name");
            fileBytes = Objects.requireNonNull(content, "content");
            return this;
        }

        public Builder noFile() {
            fileName = null;
            fileBytes = null;
            return this;
        }

        public Builder mimeType(String value) {
            mimeType = value;
            return this;
        }

        public Builder eof(boolean value) {
            eof = value;
            return this;
        }

        public Builder routeCode(String value) {
            routeCode = value;
            return this;
        }

        public Builder timestamp(Instant value) {
            timestamp = value;
            return this;
        }

        public Event build() {
            return new Event(testId, status, tags, runnable, fileName, fileBytes, mimeType, eof, routeCode, timestamp);
        }
    }
}
