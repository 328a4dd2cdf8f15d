package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testr4j.subunit.TestStatus.EXISTS;
import static org.testr4j.subunit.TestStatus.EXPECTED_FAIL;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;
import static org.testr4j.subunit.TestStatus.UNEXPECTED_SUCCESS;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class SummaryTest implements StreamResultContract {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final Summary summary = new Summary();

    @Override
    public StreamResult createResult() {
        return new Summary();
    }

    @Test
    void countsTestsByFinalStatus() {
        run("a", SUCCESS);
        run("b", SUCCESS);
        run("c", FAIL);
        run("d", SKIP);
        run("e", EXPECTED_FAIL);

        assertThat(summary.count(SUCCESS)).isEqualTo(2);
        assertThat(summary.count(FAIL)).isEqualTo(1);
        assertThat(summary.total()).isEqualTo(5);
        assertThat(summary.failures()).isEqualTo(1);
        assertThat(summary.wasSuccessful()).isFalse();
    }

    @Test
    void countsAnUnexpectedSuccessAsAFailure() {
        run("a", UNEXPECTED_SUCCESS);

        assertThat(summary.failures()).isEqualTo(1);
        assertThat(summary.wasSuccessful()).isFalse();
    }

    @Test
    void isSuccessfulWithSkipsAndExpectedFailures() {
        run("a", SKIP);
        run("b", EXPECTED_FAIL);

        assertThat(summary.wasSuccessful()).isTrue();
    }

    @Test
    void countsListedTestsApartFromRunOnes() {
        summary.status(Event.test("a").status(EXISTS).build());

        assertThat(summary.count(EXISTS)).isEqualTo(1);
        assertThat(summary.total()).isZero();
    }

    @Test
    void addsUpTestTimeAndMeasuresWallTime() {
        summary.status(
                Event.test("a").status(IN_PROGRESS).routeCode("0").timestamp(T0).build());
        summary.status(
                Event.test("a").status(IN_PROGRESS).routeCode("1").timestamp(T0).build());
        summary.status(Event.test("a")
                .status(SUCCESS)
                .routeCode("0")
                .timestamp(T0.plusSeconds(2))
                .build());
        summary.status(Event.test("a")
                .status(SUCCESS)
                .routeCode("1")
                .timestamp(T0.plusSeconds(3))
                .build());

        assertThat(summary.testTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(summary.wallTime()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void hasNoTimesWithoutTimestamps() {
        run("a", SUCCESS);

        assertThat(summary.testTime()).isZero();
        assertThat(summary.wallTime()).isZero();
    }

    @Test
    void ignoresOutputBetweenTests() {
        summary.status(Event.builder().file("stdout", Bytes.utf8("x")).build());

        assertThat(summary.total()).isZero();
        assertThat(summary.wasSuccessful()).isTrue();
    }

    @Test
    void collectsTheTagsOfFinalStatusesSorted() {
        summary.status(Event.test("a").status(SUCCESS).tags("zeta", "alpha").build());

        assertThat(summary.tags()).containsExactly("alpha", "zeta");
    }

    private void run(String id, org.testr4j.subunit.TestStatus status) {
        summary.status(Event.test(id).status(IN_PROGRESS).build());
        summary.status(Event.test(id).status(status).build());
    }
}
