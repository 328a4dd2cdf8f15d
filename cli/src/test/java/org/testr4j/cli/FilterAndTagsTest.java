package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class FilterAndTagsTest {
    private static long finished(List<Event> events, TestStatus status) {
        return events.stream()
                .filter(e -> e.testId() != null && e.status() == status)
                .count();
    }

    @Test
    void filterDropsSuccessesByDefault() throws IOException {
        CommandRun run = CommandRun.subunit(SubunitCommandTest.sample(), "filter");

        List<Event> kept = OutputCommandTest.events(run.stdout());
        assertThat(run.exitCode()).isZero();
        assertThat(finished(kept, TestStatus.SUCCESS)).isZero();
        assertThat(finished(kept, TestStatus.FAIL)).isEqualTo(17);
        assertThat(finished(kept, TestStatus.SKIP)).isEqualTo(7);
    }

    @Test
    void filterOnlyFailuresWithATag() throws IOException {
        CommandRun run = CommandRun.subunit(SubunitCommandTest.sample(), "filter", "-F", "--with-tag", "slow");

        List<Event> kept = OutputCommandTest.events(run.stdout());
        assertThat(kept).allMatch(e -> e.status() != TestStatus.SKIP && e.status() != TestStatus.SUCCESS);
        assertThat(kept.stream().filter(e -> e.status() == TestStatus.FAIL))
                .allMatch(e -> e.tags().contains("slow"));
    }

    @Test
    void filterRejectsABadPatternInOneLine() throws IOException {
        CommandRun run = CommandRun.subunit(SubunitCommandTest.sample(), "filter", "--with", "(unclosed");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.stderr()).startsWith("subunit filter: bad pattern '(unclosed': ");
    }

    @Test
    void tagsAddsAndRemovesOnEveryEvent() throws IOException {
        CommandRun run = CommandRun.subunit(SubunitCommandTest.sample(), "tags", "worker-9", "-slow");

        List<Event> events = OutputCommandTest.events(run.stdout());
        assertThat(run.exitCode()).isZero();
        assertThat(events)
                .hasSize(OutputCommandTest.events(SubunitCommandTest.sample()).size());
        assertThat(events)
                .allMatch(e -> e.tags().contains("worker-9") && !e.tags().contains("slow"));
    }
}
