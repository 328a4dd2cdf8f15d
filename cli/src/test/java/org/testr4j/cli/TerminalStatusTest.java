package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class TerminalStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final RunProgress progress = RunProgress.scheduled(List.of("a", "b"), TestTimes.NONE, 2);
    private final TerminalStatus status = new TerminalStatus(progress, new ProgressBlock(40, false));

    private void start(String id, String route) {
        progress.status(
                Event.test(id).status(TestStatus.IN_PROGRESS).routeCode(route).build(), T0);
    }

    @Test
    void drawsTheBlockWithLineEndsSoTheCursorWaitsBelowIt() {
        start("a", "0");

        assertThat(status.refresh(T0, StatusDisplay.Moment.EVENT))
                .isEqualTo("[................................]  0/2\n  0  a  0s\n");
    }

    @Test
    void hidesByMovingUpOverTheBlockAndClearingToTheEndOfTheScreen() {
        start("a", "0");
        start("b", "1");
        status.refresh(T0, StatusDisplay.Moment.EVENT);

        assertThat(status.hide()).isEqualTo("\u001b[3A\u001b[J");
        assertThat(status.hide()).as("nothing left to erase").isEmpty();
    }

    @Test
    void redrawsInPlaceAtMostEveryQuarterSecondButAlwaysOnATick() {
        start("a", "0");
        status.refresh(T0, StatusDisplay.Moment.EVENT);

        assertThat(status.refresh(T0.plusMillis(100), StatusDisplay.Moment.EVENT))
                .isEmpty();
        assertThat(status.refresh(T0.plusMillis(100), StatusDisplay.Moment.OUTPUT))
                .isEmpty();
        assertThat(status.refresh(T0.plusMillis(200), StatusDisplay.Moment.TICK))
                .isEqualTo("\u001b[2A\u001b[J[................................]  0/2\n  0  a  0s\n");
        assertThat(status.refresh(T0.plusMillis(450), StatusDisplay.Moment.EVENT))
                .startsWith("\u001b[2A\u001b[J[");
    }
}
