package org.testr4j.cli;

import java.nio.file.Path;
import org.testr4j.runner.config.ConfigKey;
import org.testr4j.runner.config.EffectiveConfig;
import org.testr4j.runner.config.TestrConf;
import org.testr4j.runner.worker.CommandException;
import org.testr4j.runner.worker.ConcurrencyCallout;
import picocli.CommandLine.Option;

/** How many workers a run uses: {@code --serial}, {@code -j N}, else {@code test_run_concurrency}, else the cores. */
final class ConcurrencyOptions {
    /** The key {@code testr config} shows the worker count under. */
    static final String KEY = "concurrency";

    @Option(
            names = {"-j", "--concurrency"},
            paramLabel = "N",
            description = "Run N workers (default: test_run_concurrency from .testr.conf, else one per core).")
    Integer concurrency;

    @Option(names = "--parallel", description = "Run workers in parallel: the default, kept for testr's command line.")
    boolean parallel;

    @Option(names = "--serial", description = "Run one worker.")
    boolean serial;

    /**
     * The worker count and where it came from.
     *
     * @param workers at least 1
     * @param option the command-line option that set it, or null
     * @param why where it came from, when not the command line
     */
    record Workers(int workers, String option, String why) {
        EffectiveConfig applyTo(EffectiveConfig config) {
            return option != null
                    ? config.withCommandLine(KEY, Integer.toString(workers), option)
                    : config.withDefault(KEY, Integer.toString(workers), why);
        }
    }

    Workers resolve(TestrConf conf, Path directory) {
        if (serial && concurrency != null) {
            throw new UserException("--serial and --concurrency contradict each other: give one", ExitCode.USAGE);
        }
        if (serial) {
            return new Workers(1, "--serial", null);
        }
        if (concurrency != null) {
            if (concurrency < 1) {
                throw new UserException(
                        "--concurrency must be at least 1, was " + concurrency + " (--serial runs one worker)",
                        ExitCode.USAGE);
            }
            return new Workers(concurrency, "--concurrency", null);
        }
        var callout = conf.get(ConfigKey.TEST_RUN_CONCURRENCY);
        if (callout.isPresent() && !callout.get().isBlank()) {
            try {
                int n = new ConcurrencyCallout(directory).workers(callout.get());
                return new Workers(
                        n,
                        null,
                        "printed by test_run_concurrency (" + conf.file().getFileName() + ":"
                                + conf.lineOf(ConfigKey.TEST_RUN_CONCURRENCY).orElse(0) + ")");
            } catch (CommandException e) {
                throw new UserException(e.getMessage());
            }
        }
        return new Workers(Runtime.getRuntime().availableProcessors(), null, "one worker per core");
    }
}
