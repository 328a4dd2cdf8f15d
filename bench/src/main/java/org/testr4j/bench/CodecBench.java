package org.testr4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;
import org.testr4j.subunit.v2.ReadSummary;
import org.testr4j.subunit.v2.StreamItem;

/**
 * Times {@link PacketReader} and {@link PacketWriter} on one stream file, in process, after a warm-up.
 *
 * <p>Benchmarks, each repeated {@code --runs} times after {@code --warmup} untimed passes:
 *
 * <ul>
 *   <li>{@code parse-noop}: read every packet into a sink that ignores it (python's {@code parse_noop.py});
 *   <li>{@code parse-count}: the same into a sink that counts events by status;
 *   <li>{@code write}: encode the file's events again into a null stream; the events are decoded
 *       untimed in chunks of {@value #WRITE_CHUNK}, so only the encoder is timed;
 *   <li>{@code parse+write}: read and re-encode in one pass, as {@code subunit convert} does.
 * </ul>
 *
 * Then the heap peak over the whole run. {@code --parse-only} times parse-noop alone (to compare JIT
 * settings quickly); {@code --once} does one parse-noop pass and nothing else, for timing a whole
 * process with JVM start-up.
 *
 * <pre>{@code
 * java -Xmx64m -cp bench/target/classes:subunit/target/classes org.testr4j.bench.CodecBench \
 *     --runs 5 --warmup 2 bench/out/stream-1m.subunit
 * }</pre>
 */
public final class CodecBench {
    static final int WRITE_CHUNK = 4096;

    private final Path file;
    private final long size;

    private CodecBench(Path file) throws IOException {
        this.file = file;
        this.size = Files.size(file);
    }

    public static void main(String[] args) throws IOException {
        int runs = 5;
        int warmup = 2;
        boolean once = false;
        boolean parseOnly = false;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs":
                    runs = positive(args, ++i);
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(value(args, ++i));
                    break;
                case "--once":
                    once = true;
                    break;
                case "--parse-only":
                    parseOnly = true;
                    break;
                default:
                    if (args[i].startsWith("-") || file != null) {
                        throw usage("unexpected argument '" + args[i] + "'");
                    }
                    file = Path.of(args[i]);
            }
        }
        if (file == null) {
            throw usage("no stream file given");
        }
        CodecBench bench = new CodecBench(file);
        PrintStream out = System.out;
        if (once) {
            out.println("packets " + bench.parse(event -> {}));
            return;
        }
        out.println("# " + file + " (" + bench.size + " bytes), " + warmup + " warm-up + " + runs + " timed passes; "
                + "JVM " + Runtime.version() + " "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (int i = 0; i < warmup; i++) {
            bench.parse(event -> {});
            if (!parseOnly) {
                bench.write();
            }
        }
        out.println(Measurement.header());
        out.println(
                bench.time("parse-noop", runs, () -> bench.parse(event -> {})).row());
        if (parseOnly) {
            out.println(HeapUse.sinceStart().row());
            return;
        }
        CountingSink counts = new CountingSink();
        out.println(bench.time("parse-count", runs, () -> bench.parse(counts)).row());
        out.println(bench.writeMeasurement(runs).row());
        out.println(bench.time("parse+write", runs, bench::parseAndWrite).row());
        out.println(HeapUse.sinceStart().row());
        out.println("# counting sink checksum " + counts.checksum());
    }

    /** One pass of some benchmark; returns how many events it handled. */
    @FunctionalInterface
    private interface Pass {
        long run() throws IOException;
    }

    private Measurement time(String name, int runs, Pass pass) throws IOException {
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        long items = 0;
        for (int i = 0; i < runs; i++) {
            long startCpu = CpuClock.nanos();
            long start = System.nanoTime();
            items = pass.run();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = CpuClock.nanos() - startCpu;
        }
        return new Measurement(name, items, size, nanos, cpu);
    }

    private long parse(StreamResult sink) throws IOException {
        try (PacketReader reader = PacketReader.lenient(Files.newInputStream(file))) {
            return requireClean(reader.readAll(sink)).packets();
        }
    }

    private long parseAndWrite() throws IOException {
        CountingOutputStream sink = new CountingOutputStream();
        try (PacketReader reader = PacketReader.lenient(Files.newInputStream(file));
                PacketWriter writer = PacketWriter.to(sink)) {
            long packets = requireClean(reader.readAll(writer)).packets();
            writer.flush();
            requireSameSize(sink.count());
            return packets;
        }
    }

    private Measurement writeMeasurement(int runs) throws IOException {
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        long events = 0;
        for (int i = 0; i < runs; i++) {
            WritePass pass = write();
            nanos[i] = pass.nanos;
            cpu[i] = pass.cpuNanos;
            events = pass.events;
        }
        return new Measurement("write", events, size, nanos, cpu);
    }

    /** The time spent in the writer alone, wall and CPU, and the events it wrote. */
    private record WritePass(long events, long nanos, long cpuNanos) {}

    private WritePass write() throws IOException {
        CountingOutputStream sink = new CountingOutputStream();
        List<Event> chunk = new ArrayList<>(WRITE_CHUNK);
        StreamResult collect = chunk::add;
        long nanos = 0;
        long cpuNanos = 0;
        long events = 0;
        try (InputStream in = Files.newInputStream(file);
                PacketReader reader = PacketReader.lenient(in);
                PacketWriter writer = PacketWriter.to(sink)) {
            boolean more = true;
            while (more) {
                chunk.clear();
                while (chunk.size() < WRITE_CHUNK && (more = collectNext(reader, collect))) {
                    // decoding is not timed
                }
                long startCpu = CpuClock.nanos();
                long start = System.nanoTime();
                for (Event event : chunk) {
                    writer.write(event);
                }
                if (!more) {
                    writer.flush();
                }
                nanos += System.nanoTime() - start;
                cpuNanos += CpuClock.nanos() - startCpu;
                events += chunk.size();
            }
        }
        requireSameSize(sink.count());
        return new WritePass(events, nanos, cpuNanos);
    }

    private static boolean collectNext(PacketReader reader, StreamResult collect) throws IOException {
        Optional<StreamItem> item = reader.read();
        if (item.isEmpty()) {
            return false;
        }
        if (!(item.get() instanceof StreamItem.Packet)) {
            throw new IllegalStateException("the benchmark needs a clean stream; found " + item.get());
        }
        item.get().deliverTo(collect);
        return true;
    }

    private ReadSummary requireClean(ReadSummary summary) {
        if (!summary.clean() || summary.interleavedBytes() != 0) {
            throw new IllegalStateException(
                    file + ": the benchmark needs a clean stream of packets only; the reader found " + summary);
        }
        return summary;
    }

    /** python-subunit wrote the file, so a byte-compatible writer gives back exactly as many bytes. */
    private void requireSameSize(long written) {
        if (written != size) {
            throw new IllegalStateException(
                    file + ": re-encoding gave " + written + " bytes, expected the file's " + size);
        }
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n < 1) {
            throw usage(args[i - 1] + " must be at least 1, was " + n);
        }
        return n;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(
                problem + "; usage: CodecBench [--runs N] [--warmup N] [--once | --parse-only] STREAM_FILE");
    }
}
