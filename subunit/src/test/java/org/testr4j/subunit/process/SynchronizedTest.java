package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class SynchronizedTest implements StreamResultContract {
    private static final int THREADS = 4;
    private static final int EVENTS_PER_THREAD = 2_000;

    @Override
    public StreamResult createResult() {
        return Synchronized.of(new RecordingResult());
    }

    @Test
    void isItsOwnFront() {
        StreamResult once = Synchronized.of(new RecordingResult());

        assertThat(Synchronized.of(once)).isSameAs(once);
    }

    @Test
    void letsSeveralThreadsShareOneSinkWithoutOverlappingCalls() throws Exception {
        RecordingResult rec = new RecordingResult();
        StreamResult shared = Synchronized.of(rec);
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Thread> producers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String producer = "p" + t;
            Thread thread = new Thread(() -> {
                try {
                    together.await();
                    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                        shared.status(Event.test(producer + "." + i).build());
                    }
                } catch (Exception | Error e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            producers.add(thread);
        }

        shared.startRun();
        producers.forEach(Thread::start);
        for (Thread thread : producers) {
            thread.join();
        }
        shared.stopRun();

        assertThat(failures).isEmpty();
        assertThat(rec.overlappingCalls()).isZero();
        assertThat(rec.events()).hasSize(THREADS * EVENTS_PER_THREAD);
        assertThat(rec.testIds()).doesNotHaveDuplicates();
        for (int t = 0; t < THREADS; t++) {
            String prefix = "p" + t + ".";
            List<String> own =
                    rec.testIds().stream().filter(id -> id.startsWith(prefix)).toList();
            assertThat(own).as("events of producer %s, in its order", t).isEqualTo(expectedIds(prefix));
        }
        assertThat(rec.calls()).first().isEqualTo("startRun");
        assertThat(rec.calls()).last().isEqualTo("stopRun");
    }

    private static List<String> expectedIds(String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_THREAD; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }
}
