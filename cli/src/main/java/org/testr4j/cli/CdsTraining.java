package org.testr4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * Runs every repository and runner command once in a scratch folder so that {@code bin/testr} can record the
 * classes they load into a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}); later
 * starts map the archive instead of loading and verifying those classes again. The runner commands
 * run a four-test suite of {@code sh} and {@code cat} that plays back results written into the
 * scratch folder: nothing outside it is read or changed.
 */
final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        Path scratch = Files.createTempDirectory("testr4j-cds");
        try {
            train(scratch);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Runs each command in {@code scratch}, an empty folder, and returns their exit codes in order. */
    static List<Integer> train(Path scratch) throws IOException {
        List<Integer> exits = new ArrayList<>();
        byte[] stream = stream();
        playbackSuite(scratch);
        String dir = scratch.toString();
        String[][] commands = {
            {"init"},
            {"load"},
            {"load", "--partial"},
            {"last"},
            {"last", "--subunit"},
            {"failing"},
            {"failing", "--list"},
            {"slowest"},
            {"history", "list"},
            {"history", "show", "-1"},
            {"info"},
            {"stats"},
            {"flaky"},
            {"log", "t*"},
            {"export", "0"},
            {"list"},
            {"config"},
            {"run", "-j", "2"},
            {"rerun"},
            {"rerun", "--worker", "0", "--subunit"},
            {"history", "remove", "0"},
            {"--help"},
        };
        for (String[] command : commands) {
            String[] all = new String[command.length + 2];
            all[0] = "-C";
            all[1] = dir;
            System.arraycopy(command, 0, all, 2, command.length);
            StandardStreams quiet = new StandardStreams(
                    new ByteArrayInputStream(stream),
                    OutputStream.nullOutputStream(),
                    new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            exits.add(Commands.testr(quiet).execute(all));
        }
        return exits;
    }

    /** A suite in {@code dir}: {@code --list} prints its ids, otherwise it plays back each id of the id file. */
    private static void playbackSuite(Path dir) throws IOException {
        Files.writeString(
                dir.resolve(".testr.conf"),
                "[DEFAULT]\ntest_command=sh play.sh $LISTOPT $IDOPTION\n"
                        + "test_id_option=--load-list $IDFILE\ntest_list_option=--list\n");
        Files.writeString(
                dir.resolve("play.sh"),
                "if [ \"$1\" = --list ]; then cat list.txt; exit 0; fi\n"
                        + "while IFS= read -r id; do cat \"$id.subunit\"; done < \"${2:-list.txt}\"\n");
        StringBuilder list = new StringBuilder();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 4; i++) {
            String id = "play" + i;
            list.append(id).append('\n');
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PacketWriter w = PacketWriter.to(bytes);
            w.status(Event.test(id)
                    .status(TestStatus.IN_PROGRESS)
                    .timestamp(start)
                    .build());
            w.status(Event.test(id)
                    .status(i == 3 ? TestStatus.FAIL : TestStatus.SUCCESS)
                    .timestamp(start.plusMillis(i))
                    .build());
            w.stopRun();
            Files.write(dir.resolve(id + ".subunit"), bytes.toByteArray());
        }
        Files.writeString(dir.resolve("list.txt"), list);
    }

    private static byte[] stream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketWriter w = PacketWriter.to(bytes);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            String id = "t" + i;
            TestStatus end = i % 5 == 0 ? TestStatus.FAIL : TestStatus.SUCCESS;
            w.status(
                    Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(now).build());
            now = now.plusMillis(i);
            if (end == TestStatus.FAIL) {
                w.status(Event.test(id)
                        .file("traceback", Bytes.utf8("boom\n"))
                        .mimeType("text/plain;charset=utf8")
                        .eof(true)
                        .build());
            }
            w.status(Event.test(id).status(end).timestamp(now).tags("slow").build());
        }
        w.stopRun();
        return bytes.toByteArray();
    }
}
