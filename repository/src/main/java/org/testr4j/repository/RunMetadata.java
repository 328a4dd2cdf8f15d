package org.testr4j.repository;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Facts about a run that are not in its stream: where and how it was made. Kept beside the stream
 * as a small properties file, so the index can be rebuilt with them.
 *
 * <pre>{@code
 * RunMetadata meta = RunMetadata.capture(Path.of("."), "testr load run.subunit").with(RunMetadata.PARTIAL, "true");
 * meta.get(RunMetadata.HOST); // Optional[build-7]
 * }</pre>
 *
 * @param values the facts by key, sorted; the well-known keys are the constants of this class
 */
public record RunMetadata(Map<String, String> values) {
    public static final String HOST = "host";
    public static final String JAVA = "java";
    public static final String GIT_COMMIT = "git.commit";
    public static final String COMMAND = "command";
    public static final String SEED = "seed";
    public static final String PARTIAL = "partial";
    public static final String CONCURRENCY = "concurrency";
    public static final String EXIT_STATUS = "exit.status";
    /** "true" when each test ran in its own process ({@code testr run --isolated}). */
    public static final String ISOLATED = "isolated";
    /** The id of the run a run repeats ({@code testr rerun}). */
    public static final String RERUN_OF = "rerun.of";
    /** Where a run came from when it was imported ({@code stestr 3}). */
    public static final String IMPORTED_FROM = "imported.from";

    public static final RunMetadata EMPTY = new RunMetadata(Map.of());

    public RunMetadata {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The host, Java runtime and git commit of {@code workingDir}, plus {@code command}. */
    public static RunMetadata capture(Path workingDir, String command) {
        Map<String, String> v = new TreeMap<>();
        v.put(HOST, hostName());
        v.put(JAVA, System.getProperty("java.vm.name") + " " + Runtime.version());
        if (command != null) {
            v.put(COMMAND, command);
        }
        GitHead.commitOf(workingDir).ifPresent(commit -> v.put(GIT_COMMIT, commit));
        return new RunMetadata(v);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** True when the run was marked partial: it ran only some tests, so it merges into the failing set. */
    public boolean partial() {
        return Boolean.parseBoolean(values.get(PARTIAL));
    }

    /** A copy with {@code key} set to {@code value}. */
    public RunMetadata with(String key, String value) {
        Map<String, String> v = new TreeMap<>(values);
        v.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new RunMetadata(v);
    }

    /** The properties-file text of these facts. */
    public String toText() {
        Properties p = new Properties();
        p.putAll(values);
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties writes a date comment first; drop it so the same facts give the same bytes.
        String text = out.toString();
        return text.startsWith("#") ? text.substring(text.indexOf('\n') + 1) : text;
    }

    /** Parses {@link #toText()}. */
    public static RunMetadata fromText(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return EMPTY; // a damaged sidecar loses its facts, never the run
        }
        Map<String, String> v = new TreeMap<>();
        p.forEach((k, val) -> v.put(k.toString(), val.toString()));
        return new RunMetadata(v);
    }

    static RunMetadata read(Path file) throws IOException {
        return Files.exists(file) ? fromText(Files.readString(file, StandardCharsets.ISO_8859_1)) : EMPTY;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        // InetAddress.getLocalHost() may wait on DNS for seconds; the kernel knows the name at once.
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
