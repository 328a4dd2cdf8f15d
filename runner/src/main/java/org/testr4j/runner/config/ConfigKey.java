package org.testr4j.runner.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The keys testrepository reads from {@code .testr.conf}'s {@code [DEFAULT]} section, and what each means. */
public enum ConfigKey {
    /** The shell command that runs the tests; the only required key. */
    TEST_COMMAND("command line that runs the tests, writing subunit to stdout"),
    /** Substituted for {@code $IDOPTION} when specific tests are to run: {@code --load-list $IDFILE}. */
    TEST_ID_OPTION("substituted for $IDOPTION when specific tests run"),
    /**
     * Substituted for {@code $IDOPTION} when the command can be fed test ids on its standard input
     * ({@code --feed}): the runner then starts each worker once and feeds it batches as it goes idle.
     */
    TEST_FEED_OPTION("substituted for $IDOPTION when test ids are fed on stdin"),
    /** Substituted for {@code $LISTOPT} to make the command list its tests instead of running them. */
    TEST_LIST_OPTION("substituted for $LISTOPT to list the tests"),
    /** The {@code $IDLIST} to use when no specific tests are asked for. */
    TEST_ID_LIST_DEFAULT("$IDLIST when no specific tests are asked for"),
    /** A command that prints how many workers to run. */
    TEST_RUN_CONCURRENCY("command printing the number of workers to run"),
    /** Tests whose ids match the same text at their start run together, in order, on one worker. */
    GROUP_REGEX("tests matching the same prefix run together on one worker"),
    /**
     * {@code true}: a group whose recorded time exceeds half a worker's share may be split across
     * workers (its set-up paid again per part). For groups kept together for speed, such as JUnit
     * classes with {@code @BeforeAll}; testr4j's own key, off by default.
     */
    GROUP_SPLIT("true: a group over half a worker's share of the time may be split"),
    /** Tags whose tests are left out of the counts (still counted as failures). */
    FILTER_TAGS("tags whose tests are not counted"),
    /** Provisions {@code $INSTANCE_COUNT} test environments, printing their ids. */
    INSTANCE_PROVISION("provisions $INSTANCE_COUNT environments, printing their ids"),
    /** Runs {@code $COMMAND} in environment {@code $INSTANCE_ID}, after copying {@code $FILES} there. */
    INSTANCE_EXECUTE("runs $COMMAND in environment $INSTANCE_ID with $FILES"),
    /** Disposes of the environments {@code $INSTANCE_IDS}. */
    INSTANCE_DISPOSE("disposes of the environments $INSTANCE_IDS");

    private final String meaning;

    ConfigKey(String meaning) {
        this.meaning = meaning;
    }

    /** The key as written in the file: {@code test_command}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line saying what the key is for. */
    public String meaning() {
        return meaning;
    }

    /** The key spelled {@code name} (already lower-cased, as configparser does), if testr knows it. */
    public static Optional<ConfigKey> byKey(String name) {
        for (ConfigKey k : values()) {
            if (k.key().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Every key, comma-separated, for error messages. */
    static String allKeys() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }
}
