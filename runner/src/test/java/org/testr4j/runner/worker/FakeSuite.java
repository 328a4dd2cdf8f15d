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
 * pre-written subunit v2 result from {@code results/}. A test named {@code kill*} writes its
 * {@code inprogress} packet, a line on stderr, then kills its own worker with SIGKILL; a test named
 * {@code fail*} fails; {@code noisy*} also prints non-subunit text on stdout and stderr.
 */
final class FakeSuite {
    static final String RUN_SH = String.join(
            "\n",
            "#!/bin/sh",
            "while IFS= read -r id; do",
            "  case \"$id\" in",
            "    kill*) cat \"results/$id.start\"; echo \"about to die in $id\" >&2; kill -9 $$ ;;",
            "    noisy*) echo 'not subunit'; echo \"noise from $id\" >&2; cat \"results/$id.subunit\" ;;",
            "    *) cat \"results/$id.subunit\" ;;",
            "  esac",
            "done < \"$1\"",
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
