package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.ChunkPlan;
import org.testr4j.runner.schedule.TestQueue;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.runner.schedule.TimingPartitioner;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.PythonOracle;

/**
 * Work stealing with real processes: a fed worker in python that speaks the feed's cancel protocol
 * (it announces {@code testr4j.feed: cancel}, stops its batch after the test in progress on {@code
 * !cancel} and answers with {@code testr4j.unstarted}), as a worker in any language can.
 */
class StealingIT {
    /** Runs each fed test (sleeping the seconds after its last underscore), checking for a cancel before each. */
    private static final String WORKER = String.join(
            "\n",
            "import sys, threading, time, queue",
            "from subunit.v2 import StreamResultToBytes",
            "out = StreamResultToBytes(sys.stdout.buffer)",
            "lock = threading.Lock()",
            "def emit(**kw):",
            "    with lock:",
            "        out.status(**kw)",
            "        sys.stdout.buffer.flush()",
            "emit(file_name='testr4j.feed', file_bytes=b'cancel', mime_type='text/plain', eof=True)",
            "items = queue.Queue()",
            "state = {'running': False, 'cancel': False}",
            "def read():",
            "    batch = []",
            "    for line in sys.stdin:",
            "        line = line.strip()",
            "        if line == '!cancel':",
            "            with lock:",
            "                if state['running'] and not state['cancel']:",
            "                    state['cancel'] = True",
            "                    continue",
            "            items.put('cancel')",
            "        elif line:",
            "            batch.append(line)",
            "        else:",
            "            items.put(batch)",
            "            batch = []",
            "    if batch:",
            "        items.put(batch)",
            "    items.put(None)",
            "threading.Thread(target=read, daemon=True).start()",
            "while True:",
            "    item = items.get()",
            "    if item is None:",
            "        break",
            "    if item == 'cancel':",
            "        emit(file_name='testr4j.unstarted', file_bytes=b'', mime_type='text/plain', eof=True)",
            "        continue",
            "    with lock:",
            "        state['running'] = True",
            "        state['cancel'] = False",
            "    unstarted = []",
            "    for test in item:",
            "        with lock:",
            "            stop = state['cancel']",
            "        if stop:",
            "            unstarted.append(test)",
            "            continue",
            "        emit(test_id=test, test_status='inprogress')",
            "        time.sleep(float(test.rsplit('_', 1)[1]))",
            "        emit(test_id=test, test_status='success')",
            "    with lock:",
            "        asked = state['cancel']",
            "        state['running'] = False",
            "        state['cancel'] = False",
            "    if asked:",
            "        body = ''.join(t + '\\n' for t in unstarted).encode()",
            "        emit(file_name='testr4j.unstarted', file_bytes=body, mime_type='text/plain', eof=True)",
            "");

    @Test
    void anIdleWorkerTakesHalfOfABusyWorkersClassAndEveryTestRunsOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("worker.py"), WORKER);

        FakeSuite.Recording sink = runHeavyAndLight(dir, Schedule.DEFAULT_STARTUP_TIMEOUT);

        assertThat(heavyWorkers(sink)).as("the heavy class ran on both workers").hasSize(2);
        assertThat(sink.events)
                .as("the feed's own messages stay out of the run")
                .noneMatch(e -> e.fileName() != null && e.fileName().startsWith("testr4j."));
    }

    @Test
    void aClassFoundHeavyWhileTheOtherWorkerIsStillBusyIsScatteredAcrossBoth(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("worker.py"), WORKER);
        // Heavy: six 2.5 s tests (15 s), taken first by one worker; 60 light tests of 0.2 s (12 s, more
        // under load) keep the other busy until the heavy class's last test is under way, so only
        // splitting the class while it runs puts it on both. Long sleeps: a loaded machine's
        // per-test overhead must not make the light tests look as long as the heavy ones.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add("Heavy.t" + i + "_2.5");
        }
        for (int i = 0; i < 60; i++) {
            ids.add("Light" + i + ".t_0.2");
        }

        FakeSuite.Recording sink = run(dir, ids, Schedule.DEFAULT_STARTUP_TIMEOUT);

        assertThat(heavyWorkers(sink)).as("the heavy class ran on both workers").hasSize(2);
    }

    /**
     * {@link #WORKER}, answering a cancel that comes while a test runs at once (as the JUnit worker
     * does when it runs one test at a time): the tests it names can no longer start.
     */
    private static final String ANSWERS_AT_ONCE = WORKER.replace(
                    "                if state['running'] and not state['cancel']:\n"
                            + "                    state['cancel'] = True\n"
                            + "                    continue",
                    "                if state['running'] and not state['cancel']:\n"
                            + "                    state['cancel'] = True\n"
                            + "                    state['answered'] = True\n"
                            + "                    rest = state['batch'][state['next']:]\n"
                            + "                    out.status(file_name='testr4j.unstarted', mime_type='text/plain', eof=True,\n"
                            + "                               file_bytes=''.join(t + '\\n' for t in rest).encode())\n"
                            + "                    sys.stdout.buffer.flush()\n"
                            + "                    continue")
            .replace(
                    "        state['running'] = True\n",
                    "        state['running'] = True\n        state['answered'] = False\n"
                            + "        state['batch'] = item\n        state['next'] = 0\n")
            .replace(
                    "            stop = state['cancel']\n",
                    "            stop = state['cancel']\n            if not stop:\n"
                            + "                state['next'] = item.index(test) + 1\n")
            .replace("    if asked:\n", "    if asked and not state['answered']:\n");

    @Test
    void aWorkerThatAnswersACancelAtOnceHandsItsClassOnBeforeItsTestInProgressEnds(@TempDir Path dir) throws Exception {
        assertThat(ANSWERS_AT_ONCE).contains("state['answered'] = True").contains("if asked and not");
        Files.writeString(dir.resolve("worker.py"), ANSWERS_AT_ONCE);
        // Heavy.t0 runs 5 s; found heavy after a second, its class is scattered: Heavy.t1 goes to the
        // other worker as soon as that one's few light tests end, long before Heavy.t0 does.
        List<String> ids = new ArrayList<>(List.of("Heavy.t0_5", "Heavy.t1_0.5"));
        for (int i = 0; i < 30; i++) {
            ids.add("Light" + i + ".t_0.1");
        }

        FakeSuite.Recording sink = run(dir, ids, Schedule.DEFAULT_STARTUP_TIMEOUT);

        List<String> order = sink.events.stream()
                .filter(e -> e.testId() != null && e.testId().startsWith("Heavy"))
                .map(e -> e.testId() + " " + e.status().wireName())
                .collect(Collectors.toList());
        assertThat(order.indexOf("Heavy.t1_0.5 inprogress"))
                .as(String.join("\n", order))
                .isBetween(0, order.indexOf("Heavy.t0_5 success"));
        assertThat(heavyWorkers(sink)).hasSize(2);
    }

    @Test
    void aWorkerThatAnnouncesCancelButNeverAnswersCannotHangTheRun(@TempDir Path dir) throws Exception {
        // it says it can stop, then ignores every !cancel: its batch runs out, and the answer it
        // owes is waited for no longer than the start-up timeout
        Files.writeString(
                dir.resolve("worker.py"),
                WORKER.replace("        if line == '!cancel':", "        if line == '!cancel':\n            continue"));

        FakeSuite.Recording sink = runHeavyAndLight(dir, java.time.Duration.ofSeconds(2));

        assertThat(heavyWorkers(sink)).hasSize(1);
    }

    private static FakeSuite.Recording runHeavyAndLight(Path dir, java.time.Duration startupTimeout) throws Exception {
        // Heavy: six 0.4 s tests handed out together (one class); Light: one short test.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add("Heavy.t" + i + "_0.4");
        }
        ids.add("Light.t0_0.05");
        return run(dir, ids, startupTimeout);
    }

    /** Runs {@code ids} (each sleeping the seconds after its last underscore) on two fed workers, a class at a time. */
    private static FakeSuite.Recording run(Path dir, List<String> ids, java.time.Duration startupTimeout)
            throws Exception {
        PythonOracle.requireModules("subunit.v2");
        TimingPartitioner classes = new TimingPartitioner(2, TestTimes.NONE).groupedBy(Pattern.compile("^[^.]*"));
        Schedule schedule = Schedule.shared(
                        TestQueue.shared(ids, TestTimes.NONE, classes.groupsOf(ids), ChunkPlan.fed(2)))
                .withStartupTimeout(startupTimeout);
        CommandTemplate fed = new CommandTemplate(PythonOracle.PYTHON + " worker.py $IDOPTION", "$IDFILE", "", null)
                .withFeedOption("--feed");
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir).run(fed, schedule, sink);

        assertThat(outcome.workersSucceeded()).isTrue();
        SchedulingTest.assertEachReportedOnce(sink, ids);
        return sink;
    }

    private static Map<String, Set<String>> heavyWorkers(FakeSuite.Recording sink) {
        return sink.events.stream()
                .filter(e -> e.testId() != null
                        && e.testId().startsWith("Heavy")
                        && e.status().isFinal())
                .collect(
                        Collectors.groupingBy(Event::routeCode, Collectors.mapping(Event::testId, Collectors.toSet())));
    }
}
