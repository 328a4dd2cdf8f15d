package org.testr4j.junit.cancelling;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three tests run in order, each sleeping {@code -Dfixtures.sleepMillis} (none by default), so a
 * cancel can arrive while the first runs. Outside the fixtures package: the fixture scans do not see it.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class SlowExample {
    private static void pause() throws InterruptedException {
        Thread.sleep(Long.getLong("fixtures.sleepMillis", 0));
    }

    @Test
    void a() throws InterruptedException {
        pause();
    }

    @Test
    void b() throws InterruptedException {
        pause();
    }

    @Test
    void c() throws InterruptedException {
        pause();
    }
}
