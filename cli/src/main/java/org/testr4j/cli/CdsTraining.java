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
import java.util.Comparator;
import java.util.stream.Stream;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * Runs every repository command once in a scratch folder so that {@code bin/testr} can record the
 * classes they load into a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}); later
 * starts map the archive instead of loading and verifying those classes again.
 */
final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        Path scratch = Files.createTempDirectory("testr4j-cds");
        try {
            byte[] stream = stream();
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
                Commands.testr(quiet).execute(all);
            }
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
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
