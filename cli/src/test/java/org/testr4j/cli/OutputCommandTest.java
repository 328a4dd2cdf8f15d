package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketReader;

class OutputCommandTest {
    static List<Event> events(byte[] stream) throws IOException {
        List<Event> events = new ArrayList<>();
        PacketReader.lenient(new ByteArrayInputStream(stream)).readAll(events::add);
        return events;
    }

    @Test
    void writesOneStatusPacketWithTagsAndTimestamp() throws IOException {
        CommandRun run =
                CommandRun.subunit(new byte[0], "output", "--inprogress", "my.test", "--tag", "a", "--tag", "b");

        assertThat(run.exitCode()).isZero();
        List<Event> events = events(run.stdout());
        assertThat(events)
                .extracting(Event::testId, Event::status)
                .containsExactly(tuple("my.test", TestStatus.IN_PROGRESS));
        assertThat(events.get(0).tags()).containsExactly("a", "b");
        assertThat(events.get(0).timestamp()).isNotNull();
    }

    @Test
    void attachesAFileWithTheFinalStatusOnTheLastPacket(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("log.txt"), "hello");

        CommandRun run = CommandRun.subunit(
                new byte[0],
                "output",
                "--fail",
                "my.test",
                "--attach-file",
                log.toString(),
                "--mimetype",
                "text/plain");

        Event e = events(run.stdout()).get(0);
        assertThat(e.status()).isEqualTo(TestStatus.FAIL);
        assertThat(e.fileName()).isEqualTo(log.toString());
        assertThat(e.fileBytes().utf8()).isEqualTo("hello");
        assertThat(e.mimeType()).isEqualTo("text/plain");
        assertThat(e.eof()).isTrue();
    }

    @Test
    void attachesStandardInputToTheStreamWithoutATest() throws IOException {
        CommandRun run = CommandRun.subunit("from stdin".getBytes(), "output", "--attach-file", "-");

        Event e = events(run.stdout()).get(0);
        assertThat(e.testId()).isNull();
        assertThat(e.fileName()).isEqualTo("stdin");
        assertThat(e.fileBytes().utf8()).isEqualTo("from stdin");
    }

    @Test
    void refusesTwoStatusesAndNothingAtAll() {
        assertThat(CommandRun.subunit(new byte[0], "output", "--fail", "a", "--success", "b")
                        .exitCode())
                .isEqualTo(ExitCode.USAGE);
        CommandRun nothing = CommandRun.subunit(new byte[0], "output");
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.stderr()).contains("nothing to output");
    }

    @Test
    void traceShowsAParserErrorAsAFailedTest() throws IOException {
        byte[] stream = SubunitCommandTest.sample();
        stream[500] ^= 0x40;

        CommandRun run = CommandRun.subunit(stream, "trace", "--no-color");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains("subunit.parser ... FAILED").contains("Captured Parser Error:");
        assertThat(run.stderr()).contains("subunit trace: <stdin>: packet at byte ");
        new ByteArrayInputStream(new byte[0]).close();
    }
}
