package org.testr4j.runner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a run uses, each with where it came from: the file (and line), the command line (and
 * option), or a default. This is what {@code testr config} prints.
 *
 * <pre>{@code
 * EffectiveConfig view = conf.effective().withCommandLine("concurrency", "4", "--concurrency");
 * view.setting("concurrency").orElseThrow().source(); // CommandLine[option=--concurrency]
 * }</pre>
 */
public final class EffectiveConfig {
    /** Where a value came from. */
    public sealed interface Source permits FromFile, CommandLine, Default {}

    /** Set in the configuration file, at {@code line}. */
    public record FromFile(Path file, int line) implements Source {}

    /** Given on the command line with {@code option}. */
    public record CommandLine(String option) implements Source {}

    /** Not set anywhere: {@code why} says what applies instead. */
    public record Default(String why) implements Source {}

    /**
     * One setting.
     *
     * @param value the value in effect, or empty when nothing is set
     */
    public record Setting(String key, String value, Source source) {
        public Setting {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    private final List<Setting> settings;

    private EffectiveConfig(List<Setting> settings) {
        this.settings = Collections.unmodifiableList(settings);
    }

    static EffectiveConfig of(TestrConf conf) {
        List<Setting> settings = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            Optional<String> value = conf.get(key);
            if (value.isPresent()) {
                settings.add(new Setting(
                        key.key(),
                        value.get(),
                        new FromFile(conf.file(), conf.lineOf(key).orElse(0))));
            } else {
                settings.add(new Setting(key.key(), "", new Default(defaultOf(key))));
            }
        }
        return new EffectiveConfig(settings);
    }

    private static String defaultOf(ConfigKey key) {
        switch (key) {
            case TEST_RUN_CONCURRENCY:
                return "unset: one worker per core";
            case TEST_ID_LIST_DEFAULT:
                return "unset: $IDLIST is empty when no tests are named";
            case TEST_FEED_OPTION:
                return "unset: each worker process gets its tests in $IDFILE, in successive chunks";
            case GROUP_REGEX:
                return "unset: every test is scheduled on its own";
            default:
                return "unset";
        }
    }

    /** A copy in which {@code key} is {@code value}, given on the command line as {@code option}. */
    public EffectiveConfig withCommandLine(String key, String value, String option) {
        return with(new Setting(key, value, new CommandLine(option)));
    }

    /** A copy in which {@code key} is {@code value} by default, for the reason {@code why}. */
    public EffectiveConfig withDefault(String key, String value, String why) {
        return with(new Setting(key, value, new Default(why)));
    }

    private EffectiveConfig with(Setting setting) {
        List<Setting> copy = new ArrayList<>(settings);
        copy.removeIf(s -> s.key().equals(setting.key()));
        copy.add(setting);
        return new EffectiveConfig(copy);
    }

    /** Every setting: the file's keys in {@link ConfigKey} order, then added ones in the order added. */
    public List<Setting> settings() {
        return settings;
    }

    /** The setting {@code key}, if there is one. */
    public Optional<Setting> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
