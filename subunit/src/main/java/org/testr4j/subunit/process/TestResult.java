package org.testr4j.subunit.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.testr4j.subunit.TestStatus;

/**
 * Everything a stream said about one test, assembled from its events by {@link TestAssembler}.
 *
 * @param testId the test
 * @param status its final status; {@link TestStatus#IN_PROGRESS} if the stream ended before one arrived
 * @param tags the most recent non-empty tags any of its events carried (testtools' rule)
 * @param runnable whether it can be selected by id
 * @param routeCode the worker route it ran on, or null
 * @param start the timestamp of its first event, or null
 * @param stop the timestamp of its final status, or null
 * @param attachments its files, in the order their first chunks arrived
 */
public record TestResult(
        String testId,
        TestStatus status,
        Set<String> tags,
        boolean runnable,
        String routeCode,
        Instant start,
        Instant stop,
        List<Attachment> attachments) {
    public TestResult {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(status, "status");
        tags = Set.copyOf(tags);
        attachments = List.copyOf(attachments);
    }

    /** How long the test ran, when both ends carry timestamps. */
    public Optional<Duration> duration() {
        return start == null || stop == null ? Optional.empty() : Optional.of(Duration.between(start, stop));
    }

    /** The attachment named {@code name}, if the test has one. */
    public Optional<Attachment> attachment(String name) {
        return attachments.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
