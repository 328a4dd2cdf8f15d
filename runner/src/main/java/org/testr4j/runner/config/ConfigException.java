package org.testr4j.runner.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code .testr.conf} that testr cannot use: names the file, the line (when there is one) and the key.
 *
 * <pre>{@code
 * try {
 *     TestrConf.load(projectDir);
 * } catch (ConfigException e) {
 *     err.println(e.getMessage()); // "/p/.testr.conf:4: group_regex: invalid regular expression ..."
 * }
 * }</pre>
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String key;

    /**
     * @param file the configuration file
     * @param line the 1-based line, or 0 when the problem is something missing
     * @param key the key concerned, or null when the problem is not about one key
     * @param problem what is wrong and what was expected
     */
    public ConfigException(Path file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.key = key;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is that something is missing. */
    public int line() {
        return line;
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    private static String format(Path file, int line, String key, String problem) {
        StringBuilder b = new StringBuilder().append(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (key != null) {
            b.append(key).append(": ");
        }
        return b.append(problem).toString();
    }
}
