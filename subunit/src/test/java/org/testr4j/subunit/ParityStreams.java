package org.testr4j.subunit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.testr4j.subunit.v2.PacketWriter;

/** Streams the format parity tests feed to both us and the python tools. */
public final class ParityStreams {
    private static final Instant T0 = Instant.parse("2023-11-14T22:13:20Z");

    private ParityStreams() {}

    /** A stream from {@code gen_stream.py} with {@code n} tests and the given extra options. */
    public static Path generated(Path dir, int n, String... options) throws IOException {
        PythonOracle.requireModules("subunit.v2");
        Path out = dir.resolve("gen-" + n + "-" + String.join("", options).replace("-", "") + ".subunit");
        List<Object> args = new ArrayList<>(List.of(PythonOracle.benchScript("gen_stream.py"), n, out));
        args.addAll(List.of(options));
        PythonOracle.python(dir, dir.resolve("gen.log"), args.toArray());
        return out;
    }

    /**
     * Every status, ids that need quoting and splitting care, attachments of several kinds,
     * nanosecond timestamps, two tests the stream never ends, and a test that is only listed.
     *
     * <p>Every test that fails carries an attachment: {@code subunit2csv} crashes ("err may not be
     * None") on a failure, xfail or unfinished test without one.
     */
    public static Path awkward(Path dir) throws IOException {
        Path out = dir.resolve("awkward.subunit");
        try (OutputStream file = Files.newOutputStream(out);
                PacketWriter w = PacketWriter.to(file)) {
            test(w, "pkg.mod.Class.passes", TestStatus.SUCCESS, 0, 1_443_000);
            w.status(Event.test("pkg.mod.Class.fails")
                    .status(TestStatus.IN_PROGRESS)
                    .timestamp(at(2_000_000))
                    .build());
            w.status(file(
                    "pkg.mod.Class.fails",
                    "traceback",
                    "Traceback:\n  boom\nAssertionError: 1 != 2\n",
                    "text/x-traceback;charset=utf8",
                    3_000_000));
            w.status(file(
                    "pkg.mod.Class.fails", "stdout", "printed <b>&amp; stuff\n", "text/plain;charset=utf8", 3_000_000));
            w.status(file("pkg.mod.Class.fails", "log", "one line", "text/plain;charset=utf8", 3_000_000));
            w.status(file("pkg.mod.Class.fails", "blob", "\u0001\u0002", "application/octet-stream", 3_000_000));
            w.status(file("pkg.mod.Class.fails", "blank", "  \n", "text/plain", 3_000_000));
            w.status(Event.test("pkg.mod.Class.fails")
                    .status(TestStatus.FAIL)
                    .timestamp(at(4_500_500))
                    .build());
            w.status(Event.test("pkg.mod.Class.skips")
                    .status(TestStatus.IN_PROGRESS)
                    .timestamp(at(5_000_000))
                    .build());
            w.status(file("pkg.mod.Class.skips", "reason", "no network here", "text/plain;charset=utf8", 5_000_000));
            w.status(Event.test("pkg.mod.Class.skips")
                    .status(TestStatus.SKIP)
                    .timestamp(at(5_001_500))
                    .build());
            test(w, "pkg.mod.Class.skips_without_reason", TestStatus.SKIP, 6_000_000, 6_002_500);
            w.status(file("pkg.mod.Class.xfails", "traceback", "known bug\n", "text/plain;charset=utf8", 7_000_000));
            test(w, "pkg.mod.Class.xfails", TestStatus.EXPECTED_FAIL, 7_000_000, 7_100_000);
            test(w, "pkg.mod.Class.uxsucceeds", TestStatus.UNEXPECTED_SUCCESS, 8_000_000, 8_200_000);
            test(w, "pkg.mod.Class.test_params(a.b, \"c,d\")", TestStatus.SUCCESS, 9_000_000, 9_300_000);
            test(w, "no_dots_at_all", TestStatus.SUCCESS, 10_000_000, 10_400_000);
            test(w, "trailing.dot.", TestStatus.SUCCESS, 11_000_000, 11_500_000);
            test(w, "(leading.paren)", TestStatus.SUCCESS, 12_000_000, 12_600_000);
            w.status(file(
                    "unicode.caf\u00e9.\u65e5\u672c\u8a9e\ud83d\ude80",
                    "traceback",
                    "\u00e9\u00e8\r\n\u0007bell\n",
                    "text/plain;charset=utf8",
                    13_000_000));
            test(w, "unicode.caf\u00e9.\u65e5\u672c\u8a9e\ud83d\ude80", TestStatus.FAIL, 13_000_000, 13_700_000);
            test(w, "quote\"and,comma.in id", TestStatus.SUCCESS, 14_000_000, 14_800_000);
            w.status(Event.test("listed.only").status(TestStatus.EXISTS).build());
            w.status(Event.test("hangs.first")
                    .status(TestStatus.IN_PROGRESS)
                    .timestamp(at(15_000_000))
                    .build());
            w.status(file("hangs.first", "stderr", "still going\n", "text/plain;charset=utf8", 15_500_000));
            w.status(Event.test("hangs.second")
                    .status(TestStatus.IN_PROGRESS)
                    .timestamp(at(16_000_000))
                    .build());
            w.status(file("hangs.second", "stdout", "waiting\n", "text/plain;charset=utf8", 16_000_000));
            w.status(Event.test("runs.on.two.workers")
                    .status(TestStatus.IN_PROGRESS)
                    .routeCode("0")
                    .timestamp(at(17_000_000))
                    .build());
            w.status(Event.test("runs.on.two.workers")
                    .status(TestStatus.IN_PROGRESS)
                    .routeCode("1")
                    .timestamp(at(17_500_000))
                    .build());
            w.status(Event.test("runs.on.two.workers")
                    .status(TestStatus.SUCCESS)
                    .routeCode("1")
                    .timestamp(at(18_000_000))
                    .build());
            w.status(file("runs.on.two.workers", "traceback", "lost the race\n", "text/plain;charset=utf8", 18_500_000)
                    .withRouteCode("0"));
            w.status(Event.test("runs.on.two.workers")
                    .status(TestStatus.FAIL)
                    .routeCode("0")
                    .timestamp(at(19_000_000))
                    .build());
        }
        return out;
    }

    private static void test(PacketWriter w, String id, TestStatus status, long startNanos, long stopNanos) {
        w.status(Event.test(id)
                .status(TestStatus.IN_PROGRESS)
                .timestamp(at(startNanos))
                .build());
        w.status(Event.test(id).status(status).timestamp(at(stopNanos)).build());
    }

    private static Event file(String id, String name, String content, String mimeType, long nanos) {
        return Event.test(id)
                .file(name, Bytes.utf8(content))
                .mimeType(mimeType)
                .eof(true)
                .timestamp(at(nanos))
                .build();
    }

    private static Instant at(long nanos) {
        return T0.plusNanos(nanos);
    }
}
