package org.testr4j.junit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Reports a JUnit Platform run as subunit events: {@code inprogress} when a test starts, then one
 * final status ({@code success}, {@code fail} with a {@code traceback}, {@code skip} with a {@code
 * reason}), each with a timestamp and the test's tags.
 *
 * <p>Tests are JUnit's tests and the runnable parents of invocations (a parameterized method, a test
 * factory; not when only some of its invocations were asked for), plus any container asked for by id. A container that fails is reported as a failed test
 * of its own, and every test below it that never started fails with the same exception (is skipped
 * with the same reason when the container was aborted or disabled), so no test silently disappears.
 *
 * <pre>{@code
 * SubunitListener listener = new SubunitListener(new TestIds(""), sink, clock, Set.of(), Progress.NONE);
 * launcher.execute(request, listener);
 * }</pre>
 */
final class SubunitListener implements TestExecutionListener {
    static final String TRACEBACK = "traceback";
    static final String TRACEBACK_MIME = "text/x-traceback; charset=utf8";
    static final String REASON = "reason";

    /** Hears when a reported test starts and ends, to attribute output to it. */
    interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void testStarted(String testId) {}

            @Override
            public void testFinished(String testId) {}
        };

        void testStarted(String testId);

        void testFinished(String testId);
    }

    private final TestIds ids;
    private final StreamResult sink;
    private final Clock clock;
    private final Set<String> wanted;
    private final Progress progress;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Map<String, TestStatus> finished = new ConcurrentHashMap<>();
    private final Map<String, List<String>> failedInvocations = new ConcurrentHashMap<>();
    private volatile TestPlan plan;
    private volatile Throwable rootFailure;
    private volatile BooleanSupplier cancelled = () -> false;
    // the JUnit tests (not containers) between their start and their end: guarded by itself
    private final Set<String> testsRunning = new HashSet<>();

    /**
     * @param wanted ids of containers to report as tests too (a class asked for by id)
     */
    SubunitListener(TestIds ids, StreamResult sink, Clock clock, Set<String> wanted, Progress progress) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wanted = Set.copyOf(wanted);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Once {@code cancelled} says so, what the engines skip is not reported: an execution that was
     * cancelled skips the tests it did not start, and the worker hands those back unrun.
     */
    SubunitListener quietOnceCancelled(BooleanSupplier cancelled) {
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        return this;
    }

    /**
     * Runs {@code cancel} while exactly one JUnit test is running and returns the ids of {@code
     * batch} not started, which can then never start: on an engine that runs one test at a time,
     * its thread is inside that test and checks for cancellation before it starts the next. Empty
     * (and {@code cancel} not run) when no test or several are running: then the engine may be
     * between its check and a start, and only the batch's end says what did not run.
     */
    Optional<List<String>> cancelWhileOneTestRuns(Runnable cancel, Collection<String> batch) {
        synchronized (testsRunning) {
            if (testsRunning.size() != 1) {
                return Optional.empty();
            }
            cancel.run();
            List<String> unstarted = new ArrayList<>();
            for (String id : batch) {
                if (!started.contains(id)) {
                    unstarted.add(id);
                }
            }
            return Optional.of(unstarted);
        }
    }

    /** The ids given a final status so far. */
    Set<String> finishedIds() {
        return Set.copyOf(finished.keySet());
    }

    /** The first failure of an engine (root container), if any: why tests below it did not run. */
    Optional<Throwable> rootFailure() {
        return Optional.ofNullable(rootFailure);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        ids.nameAll(testPlan);
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier identifier) {
        ids.nameOf(identifier);
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (identifier.isTest()) {
            synchronized (testsRunning) {
                testsRunning.add(identifier.getUniqueId());
            }
        }
        TestIds.Name name = ids.nameOf(identifier);
        if (isReported(identifier, name)) {
            start(name.id(), identifier);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (cancelled.getAsBoolean()) {
            return;
        }
        TestIds.Name name = ids.nameOf(identifier);
        if (isReported(identifier, name)) {
            start(name.id(), identifier);
            finish(name.id(), identifier, TestStatus.SKIP, REASON, reason, OutputCapture.MIME_TYPE);
        }
        for (TestIdentifier below : descendants(identifier)) {
            TestIds.Name belowName = ids.nameOf(below);
            if (isReported(below, belowName) && !finished.containsKey(belowName.id())) {
                start(belowName.id(), below);
                finish(belowName.id(), below, TestStatus.SKIP, REASON, reason, OutputCapture.MIME_TYPE);
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            synchronized (testsRunning) {
                testsRunning.remove(identifier.getUniqueId());
            }
        }
        TestIds.Name name = ids.nameOf(identifier);
        boolean reported = isReported(identifier, name);
        TestExecutionResult.Status status = result.getStatus();
        Optional<Throwable> cause = result.getThrowable();
        if (status == TestExecutionResult.Status.FAILED
                && identifier.getParentId().isEmpty()
                && rootFailure == null) {
            rootFailure = cause.orElse(null);
        }
        if (reported || status == TestExecutionResult.Status.FAILED) {
            if (!started.contains(name.id())) {
                start(name.id(), identifier);
            }
            List<String> failedBelow = failedInvocations.getOrDefault(name.id(), List.of());
            if (status == TestExecutionResult.Status.SUCCESSFUL && !failedBelow.isEmpty()) {
                // JUnit calls a parameterized parent successful when an invocation failed; testr's
                // failing set must name the parent, the runnable id that runs them again.
                finish(
                        name.id(),
                        identifier,
                        TestStatus.FAIL,
                        TRACEBACK,
                        failedBelow.size() + " of its invocations failed: " + String.join(", ", failedBelow) + "\n",
                        TRACEBACK_MIME);
            } else {
                finishWith(name.id(), identifier, status, cause);
            }
            if (status == TestExecutionResult.Status.FAILED) {
                recordFailedInvocation(name.id());
            }
        }
        if (status != TestExecutionResult.Status.SUCCESSFUL) {
            for (TestIdentifier below : descendants(identifier)) {
                TestIds.Name belowName = ids.nameOf(below);
                if (isReported(below, belowName) && !finished.containsKey(belowName.id())) {
                    if (!started.contains(belowName.id())) {
                        start(belowName.id(), below);
                    }
                    finishWith(belowName.id(), below, status, cause);
                }
            }
        }
    }

    /** Notes a failed invocation {@code id} ({@code m(int)[3]}, {@code f[1][2]}) against each parent above it. */
    private void recordFailedInvocation(String id) {
        for (int bracket = id.lastIndexOf('['); bracket > 0; bracket = id.lastIndexOf('[', bracket - 1)) {
            if (id.charAt(bracket - 1) == ')'
                    || Character.isJavaIdentifierPart(id.charAt(bracket - 1))
                    || id.charAt(bracket - 1) == ']') {
                failedInvocations
                        .computeIfAbsent(id.substring(0, bracket), k -> new CopyOnWriteArrayList<>())
                        .add(id);
            }
        }
    }

    private boolean isReported(TestIdentifier identifier, TestIds.Name name) {
        if (identifier.isTest() || wanted.contains(name.id())) {
            return true;
        }
        return name.kind() == TestIds.Kind.METHOD && !onlyInvocationsWanted(name.id());
    }

    /** True when some invocations of runnable parent {@code id} were asked for, not the parent itself. */
    private boolean onlyInvocationsWanted(String id) {
        String invocation = id + "[";
        for (String w : wanted) {
            if (w.startsWith(invocation)) {
                return true;
            }
        }
        return false;
    }

    private Set<TestIdentifier> descendants(TestIdentifier identifier) {
        TestPlan current = plan;
        return current == null ? Set.of() : new LinkedHashSet<>(current.getDescendants(identifier));
    }

    private boolean runnable(String testId, TestIdentifier identifier) {
        return TestIds.runnable(testId, ids.nameOf(identifier).kind());
    }

    private void start(String testId, TestIdentifier identifier) {
        started.add(testId);
        sink.status(Event.test(testId)
                .runnable(runnable(testId, identifier))
                .status(TestStatus.IN_PROGRESS)
                .tags(tags(identifier))
                .timestamp(clock.instant())
                .build());
        progress.testStarted(testId);
    }

    private void finishWith(
            String testId, TestIdentifier identifier, TestExecutionResult.Status status, Optional<Throwable> cause) {
        switch (status) {
            case SUCCESSFUL:
                finish(testId, identifier, TestStatus.SUCCESS, null, null, null);
                break;
            case ABORTED:
                finish(
                        testId,
                        identifier,
                        TestStatus.SKIP,
                        REASON,
                        cause.map(Throwable::getMessage).orElse("aborted"),
                        OutputCapture.MIME_TYPE);
                break;
            default:
                finish(
                        testId,
                        identifier,
                        TestStatus.FAIL,
                        TRACEBACK,
                        cause.map(SubunitListener::traceback).orElse("failed without an exception\n"),
                        TRACEBACK_MIME);
        }
    }

    private void finish(
            String testId,
            TestIdentifier identifier,
            TestStatus status,
            String fileName,
            String content,
            String mimeType) {
        progress.testFinished(testId);
        if (finished.putIfAbsent(testId, status) != null) {
            return; // one final status per test, whatever JUnit reports after it
        }
        if (fileName != null) {
            sink.status(Event.test(testId)
                    .runnable(runnable(testId, identifier))
                    .file(fileName, Bytes.utf8(content == null ? "" : content))
                    .mimeType(mimeType)
                    .eof(true)
                    .timestamp(clock.instant())
                    .build());
        }
        sink.status(Event.test(testId)
                .runnable(runnable(testId, identifier))
                .status(status)
                .tags(tags(identifier))
                .timestamp(clock.instant())
                .build());
    }

    /** The stack trace as {@code printStackTrace} writes it, causes and suppressed included. */
    static String traceback(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static Set<String> tags(TestIdentifier identifier) {
        Set<TestTag> tags = identifier.getTags();
        if (tags.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (TestTag tag : tags) {
            names.add(tag.getName());
        }
        return names;
    }
}
