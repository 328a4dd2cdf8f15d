package org.testr4j.runner.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A project's {@code .testr.conf}, read and checked: testrepository's keys with testrepository's
 * meaning, so an existing file works unchanged.
 *
 * <p>The file is read as Python's configparser reads it ({@link PythonIni}). Then every key in
 * {@code [DEFAULT]} must be one testr knows ({@link ConfigKey}) or be referenced by another
 * through {@code %(name)s}; {@code test_command} must be set; {@code test_id_option} and {@code
 * test_list_option} must be set when the command uses {@code $IDOPTION} or {@code $LISTOPT};
 * {@code group_regex} must compile. Each failure is one {@link ConfigException} naming the file,
 * line and key.
 *
 * <pre>{@code
 * TestrConf conf = TestrConf.load(Path.of("."));
 * CommandTemplate template = conf.commandTemplate(List.of());
 * String list = template.listCommand(); // "python -m subunit.run discover . --list "
 * }</pre>
 */
public final class TestrConf {
    /** The file name testr looks for in a project directory. */
    public static final String FILE_NAME = ".testr.conf";

    private final Path file;
    private final Map<ConfigKey, String> values;
    private final Map<ConfigKey, Integer> lines;
    private final Pattern groupRegex;

    private TestrConf(Path file, Map<ConfigKey, String> values, Map<ConfigKey, Integer> lines, Pattern groupRegex) {
        this.file = file;
        this.values = values;
        this.lines = lines;
        this.groupRegex = groupRegex;
    }

    /** Reads {@code .testr.conf} from the project directory {@code dir}. */
    public static TestrConf load(Path dir) throws ConfigException {
        return read(dir.resolve(FILE_NAME));
    }

    /** Reads the configuration file {@code file}. */
    public static TestrConf read(Path file) throws ConfigException {
        List<String> lines;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().collect(Collectors.toList());
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    file,
                    0,
                    null,
                    "no such file: create it with [DEFAULT] and test_command=<command that writes subunit>");
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException(file, 0, null, "cannot read: " + e.getMessage());
        }
        return parse(file, lines);
    }

    /** Reads configuration text, naming {@code file} in errors. */
    public static TestrConf parse(Path file, List<String> lines) throws ConfigException {
        Map<String, PythonIni.Entry> defaults = PythonIni.readDefaults(lines, file);
        Set<String> referenced = new HashSet<>();
        for (PythonIni.Entry e : defaults.values()) {
            referenced.addAll(PythonIni.references(e.rawValue()));
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, Integer> lineOf = new EnumMap<>(ConfigKey.class);
        for (PythonIni.Entry e : defaults.values()) {
            Optional<ConfigKey> key = ConfigKey.byKey(e.key());
            if (key.isEmpty()) {
                if (referenced.contains(e.key())) {
                    continue; // a helper value for %(name)s, as configparser allows
                }
                throw new ConfigException(file, e.line(), e.key(), "unknown key: testr reads " + ConfigKey.allKeys());
            }
            values.put(key.get(), PythonIni.interpolate(e, defaults, file));
            lineOf.put(key.get(), e.line());
        }
        String command = values.get(ConfigKey.TEST_COMMAND);
        if (command == null) {
            throw new ConfigException(
                    file,
                    0,
                    ConfigKey.TEST_COMMAND.key(),
                    "missing from [DEFAULT]: set it to the command that runs the tests and writes subunit"
                            + (lines.stream()
                                            .map(String::strip)
                                            .anyMatch(l -> l.equalsIgnoreCase("[default]") && !l.equals("[DEFAULT]"))
                                    ? " (the section name is case-sensitive: [DEFAULT])"
                                    : ""));
        }
        if (!values.containsKey(ConfigKey.TEST_FEED_OPTION)) { // a fed command need not take an $IDFILE
            requireIfUsed(file, command, "$IDOPTION", ConfigKey.TEST_ID_OPTION, values, lineOf);
        }
        if (values.containsKey(ConfigKey.TEST_FEED_OPTION) && !command.contains("$IDOPTION")) {
            throw new ConfigException(
                    file,
                    lineOf.get(ConfigKey.TEST_FEED_OPTION),
                    ConfigKey.TEST_FEED_OPTION.key(),
                    "set, but test_command does not use $IDOPTION, where the feed option goes: add $IDOPTION to"
                            + " test_command");
        }
        requireIfUsed(file, command, "$LISTOPT", ConfigKey.TEST_LIST_OPTION, values, lineOf);
        Pattern group = null;
        String regex = values.get(ConfigKey.GROUP_REGEX);
        if (regex != null && !regex.isEmpty()) {
            try {
                group = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(
                        file,
                        lineOf.get(ConfigKey.GROUP_REGEX),
                        ConfigKey.GROUP_REGEX.key(),
                        "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex() + " of "
                                + regex);
            }
        }
        return new TestrConf(file, values, lineOf, group);
    }

    private static void requireIfUsed(
            Path file,
            String command,
            String variable,
            ConfigKey key,
            Map<ConfigKey, String> values,
            Map<ConfigKey, Integer> lineOf)
            throws ConfigException {
        if (command.contains(variable) && !values.containsKey(key)) {
            throw new ConfigException(
                    file,
                    lineOf.get(ConfigKey.TEST_COMMAND),
                    key.key(),
                    "missing, but test_command uses " + variable + ": set " + key.key() + " (" + key.meaning() + ")");
        }
    }

    /** The file this configuration was read from. */
    public Path file() {
        return file;
    }

    /** The value of {@code key} after {@code %} interpolation, if the file sets it. */
    public Optional<String> get(ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The line {@code key} starts on, if the file sets it. */
    public Optional<Integer> lineOf(ConfigKey key) {
        return Optional.ofNullable(lines.get(key));
    }

    /** The command that runs the tests. */
    public String testCommand() {
        return values.get(ConfigKey.TEST_COMMAND);
    }

    /** The compiled {@code group_regex}, matched at the start of a test id as Python's {@code re.match}. */
    public Optional<Pattern> groupRegex() {
        return Optional.ofNullable(groupRegex);
    }

    /** True when {@code group_split} is {@code true}: dominant groups may be split (see {@link ConfigKey#GROUP_SPLIT}). */
    public boolean groupSplit() {
        return "true"
                .equalsIgnoreCase(values.getOrDefault(ConfigKey.GROUP_SPLIT, "").strip());
    }

    /** The {@code filter_tags}, split on whitespace as testrepository does. */
    public Set<String> filterTags() {
        String tags = values.get(ConfigKey.FILTER_TAGS);
        if (tags == null || tags.isBlank()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(
                new LinkedHashSet<>(Arrays.asList(tags.strip().split("\\s+"))));
    }

    /**
     * The commands to run, with {@code testArgs} appended to {@code test_command} as {@code testr run
     * -- ARGS} does.
     */
    public CommandTemplate commandTemplate(List<String> testArgs) {
        return new CommandTemplate(
                        testArgs.isEmpty() ? testCommand() : testCommand() + " " + String.join(" ", testArgs),
                        values.getOrDefault(ConfigKey.TEST_ID_OPTION, ""),
                        values.getOrDefault(ConfigKey.TEST_LIST_OPTION, ""),
                        values.get(ConfigKey.TEST_ID_LIST_DEFAULT))
                .withFeedOption(values.get(ConfigKey.TEST_FEED_OPTION));
    }

    /** Every key with its value and where it came from, for {@code testr config}. */
    public EffectiveConfig effective() {
        return EffectiveConfig.of(this);
    }
}
