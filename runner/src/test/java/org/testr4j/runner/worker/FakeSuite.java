package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * A language-neutral fake test suite in a directory: {@code run.sh IDFILE} cats each listed test's
 * pre-written subunit v2 result from {@code results/}; {@code run.sh --feed} does the same for ids
 * fed on stdin. A test named {@code kill*} writes its {@code inprogress} packet, a line on stderr,
 * then kills its own worker with SIGKILL; {@code hang*} writes its {@code inprogress} packet and
 * sleeps ten minutes; {@code exit*} writes its {@code inprogress} packet and exits 3; a test named
 * {@code fail*} fails; {@code noisy*} also prints non-subunit text on stdout and stderr.
 */
final class FakeSuite {
    static final String RUN_SH = String.join(
            "\n",
            "#!/bin/sh",
            "run_one() {",
            "  case \"$1\" in",
            "    kill*) cat \"results/$1.start\"; echo \"about to die in $1\" >&2; kill -9 $$ ;;",
            "    hang*) cat \"results/$1.start\"; echo \"hanging in $1\"; echo \"stuck in $1\" >&2; sleep 600 ;;",
            "    exit*) cat \"results/$1.start\"; echo \"exiting in $1\" >&2; exec sh -c 'exit 3' ;;",
            "    noisy*) echo 'not subunit'; echo \"noise from $1\" >&2; cat \"results/$1.subunit\" ;;",
            "    *) cat \"results/$1.subunit\" ;;",
            "  esac",
            "}",
            "if [ \"$1\" = --feed ]; then",
            "  while IFS= read -r id; do if [ -n \"$id\" ]; then run_one \"$id\"; fi; done",
            "else",
            "  while IFS= read -r id; do run_one \"$id\"; done < \"$1\"",
            "fi",
            "");

    final Path dir;

    FakeSuite(Path dir, List<String> ids) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("run.sh"), RUN_SH);
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        for (String id : ids) {
            write(
                    dir.resolve("results/" + id + ".start"),
                    Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(t).build());
            write(
                    dir.resolve("results/" + id + ".subunit"),
                    Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(t).build(),
                    Event.test(id)
                            .status(id.startsWith("fail") ? TestStatus.FAIL : TestStatus.SUCCESS)
                            .timestamp(t.plusMillis(5))
                            .build());
        }
    }

    /** {@code sh run.sh $IDFILE}, as a {@code .testr.conf} would say it. */
    CommandTemplate template() {
        return new CommandTemplate("sh run.sh $IDOPTION", "$IDFILE", "", null);
    }

    /** {@code sh run.sh $IDOPTION} with {@code test_feed_option=--feed}: fed on stdin. */
    CommandTemplate fedTemplate() {
        return new CommandTemplate("sh run.sh $IDOPTION", "$IDFILE", "", null).withFeedOption("--feed");
    }

    static void write(Path file, Event... events) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                PacketWriter w = PacketWriter.to(out)) {
            for (Event e : events) {
                w.status(e);
            }
        }
    }

    /** Collects every event; the pool calls it one event at a time. */
    static final class Recording implements StreamResult {
        final List<Event> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void status(Event event) {
            events.add(event);
        }

        List<Event> forTest(String id) {
            return events.stream().filter(e -> id.equals(e.testId())).toList();
        }

        String file(String name, String route) {
            StringBuilder b = new StringBuilder();
            for (Event e : events) {
                if (name.equals(e.fileName()) && e.testId() == null && route.equals(e.routeCode())) {
                    b.append(new String(e.fileBytes().toByteArray(), StandardCharsets.UTF_8));
                }
            }
            return b.toString();
        }
    }
}
