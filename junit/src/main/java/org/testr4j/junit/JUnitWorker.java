package org.testr4j.junit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.launcher.EngineDiscoveryResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

/**
 * The JUnit Platform worker: runs in the project's test JVM with the project's own launcher, lists
 * or runs its tests and writes subunit v2 to the real standard output.
 *
 * <p>{@code java -cp <test classpath>:testr4j-junit.jar org.testr4j.junit.JUnitWorker [--scan DIR]...
 * [--include PATTERN]... [--exclude PATTERN]... [--prefix TEXT] [--list | --ids FILE | --feed]}.
 * {@code --list} writes an {@code exists} event per test (runnable) and class (not runnable); {@code
 * --ids FILE} runs the tests named in the file; {@code --feed} runs batches of ids read from standard
 * input (an empty line ends a batch); with no mode every discovered test runs. Every id asked for
 * gets exactly one final status: one that names no test fails with {@code test not found: <id>}.
 * What tests print becomes their {@code stdout}/{@code stderr} attachments. The exit status is 0
 * whenever the tests could be run (their failures are in the stream), 2 for a usage error.
 *
 * <pre>{@code
 * java -cp target/test-classes:$(cat cp.txt):testr4j-junit.jar org.testr4j.junit.JUnitWorker \
 *     --scan target/test-classes --prefix core: --feed
 * }</pre>
 */
public final class JUnitWorker {
    /** Set while a worker runs, so the {@link SubunitFileListener} on the same classpath keeps quiet. */
    static final String RUNNING_PROPERTY = "testr4j.junit.worker";

    private final WorkerArguments arguments;
    private final ResultWriter sink;
    private final Clock clock;
    private final SubunitListener.Progress progress;
    private final Launcher launcher;
    private final TestIds ids;
    private final ClassLoader loader;
    private final IdResolver resolver;
    private final RunningBatch running = new RunningBatch(this::answerCancel);

    /** The file event that answers a cancel: the ids of the batch that will not run. */
    static final String UNSTARTED = "testr4j.unstarted";
    /** The file event by which a fed worker says what it can do beyond the plain feed. */
    static final String FEED_FEATURES = "testr4j.feed";

    private JUnitWorker(WorkerArguments arguments, ResultWriter sink, Clock clock, SubunitListener.Progress progress) {
        this.arguments = arguments;
        this.sink = sink;
        this.clock = clock;
        this.progress = progress;
        this.launcher = LauncherFactory.create();
        this.ids = new TestIds(arguments.prefix());
        this.loader = classLoader();
        this.resolver = new IdResolver(ids, loader, launcher::discover, this::request);
    }

    public static void main(String[] args) {
        OutputStream realStdout = new FileOutputStream(FileDescriptor.out);
        int status = run(args, System.in, realStdout, System.err, Clock.systemUTC());
        System.exit(status); // tests may leave threads behind; the worker is done
    }

    /**
     * Runs the worker on these streams: {@code out} receives the subunit stream, {@code err} a usage
     * message. {@code System.out}, {@code System.err} and {@code System.in} are replaced while it runs.
     *
     * @return the exit status: 0 when the tests could be run, 2 for a usage error or an unreadable
     *     ids file
     */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Clock clock) {
        WorkerArguments arguments;
        try {
            arguments = WorkerArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("testr4j-junit: " + e.getMessage());
            return 2;
        }
        ResultWriter sink = new ResultWriter(out);
        OutputCapture capture = new OutputCapture(sink, clock);
        Thread flushAtExit = new Thread(() -> {
            try {
                capture.flushAll(); // a test called System.exit: keep what was reported up to there
                sink.flush();
            } catch (UncheckedIOException e) {
                // the reader has gone: the JVM is exiting and there is no one left to tell
            }
        });
        String wasRunning = System.getProperty(RUNNING_PROPERTY);
        System.setProperty(RUNNING_PROPERTY, "true");
        Runtime.getRuntime().addShutdownHook(flushAtExit);
        OutputCapture.Installed installed = capture.install();
        try {
            new JUnitWorker(arguments, sink, clock, progressOf(capture)).runMode(in);
        } catch (IOException e) {
            err.println("testr4j-junit: " + e.getMessage());
            return 2;
        } finally {
            installed.close();
            Runtime.getRuntime().removeShutdownHook(flushAtExit);
            restore(wasRunning);
            sink.flush();
        }
        return 0;
    }

    private static void restore(String wasRunning) {
        if (wasRunning == null) {
            System.clearProperty(RUNNING_PROPERTY);
        } else {
            System.setProperty(RUNNING_PROPERTY, wasRunning);
        }
    }

    private static SubunitListener.Progress progressOf(OutputCapture capture) {
        return new SubunitListener.Progress() {
            @Override
            public void testStarted(String testId) {
                capture.testStarted(testId);
            }

            @Override
            public void testFinished(String testId) {
                capture.testFinished(testId);
            }
        };
    }

    private void runMode(InputStream in) throws IOException {
        switch (arguments.mode()) {
            case LIST:
                list();
                break;
            case IDS:
                runIds(readIds(arguments.idsFile()));
                break;
            case FEED:
                runFeed(in);
                break;
            default:
                runAll();
        }
    }

    /**
     * Runs batches as they are fed. A thread reads the feed, so that a {@value FeedReader#CANCEL}
     * reaches the batch that is running: on platform 6 and later that batch stops after its test in
     * progress. Each cancel is answered by exactly one {@value #UNSTARTED} file event naming the ids
     * that batch will not run (none when it came while no batch ran); testr hands those to other
     * workers. The answer comes at once when the cancel found a test running one at a time (the
     * others then cannot start), else after the results of the batch it cut short. The worker
     * announces that it can be cancelled with a {@value #FEED_FEATURES} file event reading {@code
     * cancel} before anything else.
     */
    private void runFeed(InputStream in) throws IOException {
        Optional<BatchCancellation> cancellation = BatchCancellation.available();
        if (cancellation.isPresent()) {
            sendFeedControl(FEED_FEATURES, "cancel");
        }
        BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    FeedReader feed = new FeedReader(in);
                    try {
                        for (Optional<FeedReader.Item> item = feed.next(); item.isPresent(); item = feed.next()) {
                            if (!(item.get() instanceof FeedReader.Cancel) || !running.cancel()) {
                                items.add(item.get()); // a batch, or a cancel that came while none ran
                            }
                        }
                        items.add(Boolean.TRUE); // the end
                    } catch (IOException e) {
                        items.add(e);
                    }
                },
                "testr4j-feed");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            Object item;
            try {
                item = items.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item instanceof FeedReader.Batch) {
                runIds(((FeedReader.Batch) item).ids(), cancellation);
            } else if (item instanceof FeedReader.Cancel) {
                answerCancel(List.of());
            } else if (item instanceof IOException) {
                throw (IOException) item;
            } else {
                return;
            }
        }
    }

    /** The {@value #UNSTARTED} file event: the ids of the cancelled batch that will not run, a line each. */
    private void answerCancel(List<String> unstarted) {
        StringBuilder text = new StringBuilder();
        unstarted.forEach(id -> text.append(id).append('\n'));
        sendFeedControl(UNSTARTED, text.toString());
    }

    /** A file event of the feed protocol (no test id), flushed: testr acts on it at once, as on results. */
    private void sendFeedControl(String name, String text) {
        sink.status(Event.builder()
                .file(name, Bytes.utf8(text))
                .mimeType(OutputCapture.MIME_TYPE)
                .eof(true)
                .timestamp(clock.instant())
                .build());
        sink.flush();
    }

    private void list() {
        SurefirePatterns patterns = patterns();
        reportUnloadable(patterns, TestStatus.EXISTS);
        DiscoveryFailures failures = new DiscoveryFailures();
        TestPlan plan;
        LauncherDiscoveryRequest request = scanRequest(patterns, failures);
        try {
            plan = launcher.discover(request);
        } catch (RuntimeException e) {
            reportFailure(launcherId(), SubunitListener.traceback(e));
            return;
        }
        ids.nameAll(plan);
        OrderedClasses ordered = new OrderedClasses(
                loader, request.getConfigurationParameters().get(OrderedClasses.DEFAULT_ORDER_PARAMETER));
        for (TestIdentifier root : plan.getRoots()) {
            listBelow(plan, root, ordered);
        }
        failures.byEngine().forEach((engineId, failure) -> {
            String id = ids.prefix() + engineId;
            sink.status(Event.test(id)
                    .status(TestStatus.EXISTS)
                    .runnable(false)
                    .timestamp(clock.instant())
                    .build());
            reportFailure(id, SubunitListener.traceback(failure));
        });
    }

    /**
     * Lists the tree below {@code parent} depth first: each class, then what it holds; a runnable
     * test of a class whose methods run in a set order is tagged {@value OrderedClasses#TAG}.
     */
    private void listBelow(TestPlan plan, TestIdentifier parent, OrderedClasses ordered) {
        for (TestIdentifier identifier : plan.getChildren(parent)) {
            TestIds.Name name = ids.nameOf(identifier);
            boolean runnable = identifier.isTest() || name.kind() == TestIds.Kind.METHOD;
            sink.status(Event.test(name.id())
                    .status(TestStatus.EXISTS)
                    .runnable(runnable)
                    .tags(runnable && ordered.inOrder(identifier) ? Set.of(OrderedClasses.TAG) : Set.of())
                    .timestamp(clock.instant())
                    .build());
            listBelow(plan, identifier, ordered);
        }
    }

    private void runAll() {
        SurefirePatterns patterns = patterns();
        reportUnloadable(patterns, null);
        SubunitListener listener = new SubunitListener(ids, sink, clock, Set.of(), progress);
        try {
            launcher.execute(scanRequest(patterns, new DiscoveryFailures()), listener);
        } catch (RuntimeException e) {
            reportFailure(launcherId(), SubunitListener.traceback(e));
        }
    }

    private void runIds(List<String> requested) {
        runIds(requested, Optional.empty());
    }

    private void runIds(List<String> requested, Optional<BatchCancellation> cancellation) {
        Set<String> wanted = new LinkedHashSet<>(requested);
        if (wanted.isEmpty()) {
            return;
        }
        IdResolver.Resolution resolution;
        try {
            resolution = resolver.resolve(wanted);
        } catch (RuntimeException e) {
            String trace = SubunitListener.traceback(e);
            wanted.forEach(id -> reportFailure(id, "discovering the tests failed:\n" + trace));
            return;
        }
        resolution.unresolved().forEach(this::reportFailure);
        SubunitListener listener = new SubunitListener(ids, sink, clock, wanted, progress);
        String trouble = "";
        RunningBatch.Ending ending = RunningBatch.Ending.RAN;
        if (!resolution.selectors().isEmpty()) {
            try {
                if (cancellation.isPresent()) {
                    BatchCancellation.Token token = cancellation.get().newToken();
                    listener.quietOnceCancelled(token::cancelled);
                    LauncherDiscoveryRequest request = request(resolution.selectors());
                    Set<String> resolvable = new LinkedHashSet<>(wanted);
                    resolvable.removeAll(resolution.unresolved().keySet()); // already reported
                    running.begin(token, oneTestAtATime(request, resolution.selectors()) ? listener : null, resolvable);
                    try {
                        cancellation.get().execute(launcher, request, listener, token);
                    } finally {
                        ending = running.end();
                    }
                } else {
                    launcher.execute(request(resolution.selectors()), listener);
                }
            } catch (RuntimeException e) {
                trouble = "running the tests failed:\n" + SubunitListener.traceback(e);
            }
        }
        Set<String> finished = listener.finishedIds();
        List<String> unstarted = new ArrayList<>();
        for (String id : wanted) {
            if (finished.contains(id) || resolution.unresolved().containsKey(id)) {
                continue;
            }
            if (ending != RunningBatch.Ending.RAN) {
                unstarted.add(id); // handed back: another worker runs it
            } else {
                String why = trouble.isEmpty()
                        ? listener.rootFailure()
                                .map(t -> IdResolver.notFound(id) + "; the engine failed:\n"
                                        + SubunitListener.traceback(t))
                                .orElse(IdResolver.notFound(id) + "\n")
                        : trouble;
                reportFailure(id, why);
            }
        }
        if (ending == RunningBatch.Ending.CANCELLED) {
            answerCancel(unstarted);
        }
    }

    /**
     * True when every selector is Jupiter's and Jupiter runs one test at a time: then a cancel that
     * comes while a test runs can say at once which tests will not start (see {@link
     * SubunitListener#cancelWhileOneTestRuns}). Other engines, or Jupiter's parallel execution, are
     * answered at the batch's end.
     */
    private static boolean oneTestAtATime(LauncherDiscoveryRequest request, List<DiscoverySelector> selectors) {
        for (DiscoverySelector selector : selectors) {
            if (!(selector instanceof UniqueIdSelector)
                    || !((UniqueIdSelector) selector)
                            .getUniqueId()
                            .getEngineId()
                            .equals(Optional.of("junit-jupiter"))) {
                return false;
            }
        }
        return !request.getConfigurationParameters()
                .getBoolean("junit.jupiter.execution.parallel.enabled")
                .orElse(false);
    }

    /** Classes the patterns select that fail to load: a failed test each (listed too when listing). */
    private void reportUnloadable(SurefirePatterns patterns, TestStatus listed) {
        ClassScan.unloadable(arguments.scanDirs(), patterns, loader).forEach((className, error) -> {
            String id = ids.prefix() + className;
            if (listed != null) {
                sink.status(
                        Event.test(id).status(listed).timestamp(clock.instant()).build());
            }
            reportFailure(id, "class " + className + " cannot be loaded:\n" + SubunitListener.traceback(error));
        });
    }

    /** {@code inprogress}, a traceback and {@code fail} for {@code id}. */
    private void reportFailure(String id, String traceback) {
        sink.status(Event.test(id)
                .status(TestStatus.IN_PROGRESS)
                .timestamp(clock.instant())
                .build());
        sink.status(Event.test(id)
                .file(SubunitListener.TRACEBACK, Bytes.utf8(traceback))
                .mimeType(SubunitListener.TRACEBACK_MIME)
                .eof(true)
                .timestamp(clock.instant())
                .build());
        sink.status(Event.test(id)
                .status(TestStatus.FAIL)
                .timestamp(clock.instant())
                .build());
    }

    private String launcherId() {
        return ids.prefix() + "junit-platform-launcher";
    }

    private SurefirePatterns patterns() {
        return SurefirePatterns.of(arguments.includes(), arguments.excludes());
    }

    private LauncherDiscoveryRequest scanRequest(SurefirePatterns patterns, DiscoveryFailures failures) {
        List<DiscoverySelector> roots = new ArrayList<>();
        for (Path dir : arguments.scanDirs()) {
            roots.addAll(DiscoverySelectors.selectClasspathRoots(Set.of(dir.toAbsolutePath())));
        }
        return builder(roots).filters(patterns).listeners(failures).build();
    }

    private LauncherDiscoveryRequest request(List<DiscoverySelector> selectors) {
        return builder(selectors).build();
    }

    private static LauncherDiscoveryRequestBuilder builder(List<DiscoverySelector> selectors) {
        // An engine that fails discovery is reported as a failed test, not allowed to end the run
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter(
                        LauncherDiscoveryRequestBuilder.DEFAULT_DISCOVERY_LISTENER_CONFIGURATION_PROPERTY_NAME,
                        "logging");
    }

    private static List<String> readIds(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    found.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new IOException("--ids " + file + ": cannot read the test ids: " + e.getMessage(), e);
        }
        return found;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JUnitWorker.class.getClassLoader();
    }

    /**
     * The batch being executed, which the feed's thread may cancel; one cancel per batch, the rest
     * are answered idle. A batch run one test at a time answers a cancel that comes while a test
     * runs at once, so testr can hand its other tests on without waiting for that test to end.
     */
    private static final class RunningBatch {
        /** How a batch ended: ran to its end, cancelled with its answer owed, or cancelled and answered. */
        enum Ending {
            RAN,
            CANCELLED,
            ANSWERED
        }

        private final Consumer<List<String>> answer;
        private BatchCancellation.Token token;
        private SubunitListener earlyAnswers; // null: answer at the batch's end
        private Collection<String> ids = List.of();
        private boolean cancelAsked;
        private boolean answered;

        RunningBatch(Consumer<List<String>> answer) {
            this.answer = answer;
        }

        /** A batch of {@code batchIds} starts; {@code early} (or null) can tell a cancel which have not started. */
        synchronized void begin(BatchCancellation.Token running, SubunitListener early, Collection<String> batchIds) {
            token = running;
            earlyAnswers = early;
            ids = batchIds;
            cancelAsked = false;
            answered = false;
        }

        /** Cancels the running batch; false when none runs or it was already asked, so the cancel is answered idle. */
        synchronized boolean cancel() {
            if (token == null || cancelAsked) {
                return false;
            }
            cancelAsked = true;
            BatchCancellation.Token t = token;
            Optional<List<String>> unstarted =
                    earlyAnswers == null ? Optional.empty() : earlyAnswers.cancelWhileOneTestRuns(t::cancel, ids);
            if (unstarted.isPresent()) {
                answered = true;
                answer.accept(unstarted.get());
            } else {
                t.cancel();
            }
            return true;
        }

        /** Ends the batch and says how. */
        synchronized Ending end() {
            Ending ending = !cancelAsked ? Ending.RAN : answered ? Ending.ANSWERED : Ending.CANCELLED;
            token = null;
            earlyAnswers = null;
            ids = List.of();
            cancelAsked = false;
            answered = false;
            return ending;
        }
    }

    /** Engines whose discovery failed, with the failure. */
    private static final class DiscoveryFailures implements LauncherDiscoveryListener {
        private final Map<String, Throwable> byEngine = new LinkedHashMap<>();

        @Override
        public synchronized void engineDiscoveryFinished(UniqueId engineId, EngineDiscoveryResult result) {
            if (result.getStatus() == EngineDiscoveryResult.Status.FAILED) {
                byEngine.put(
                        engineId.toString(),
                        result.getThrowable().orElseGet(() -> new IllegalStateException("discovery failed")));
            }
        }

        synchronized Map<String, Throwable> byEngine() {
            return new LinkedHashMap<>(byEngine);
        }
    }
}
