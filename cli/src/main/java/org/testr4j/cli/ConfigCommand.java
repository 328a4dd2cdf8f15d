package org.testr4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.testr4j.runner.config.EffectiveConfig;
import org.testr4j.runner.config.TestrConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code testr config}: the configuration a run would use, and where each value came from. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show the configuration a run uses: every .testr.conf key and the worker count, each marked"
                + " with where it came from (the file and line, the command line, or a default).")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Mixin
    BuildOptions build;

    @Mixin
    ConcurrencyOptions concurrency;

    @Override
    public Integer call() {
        TestrConf conf = parent.loadConf(!build.noBuild);
        EffectiveConfig config = concurrency
                .resolve(conf, parent.directory().toAbsolutePath().normalize())
                .applyTo(conf.effective());
        int width = 0;
        for (EffectiveConfig.Setting s : config.settings()) {
            width = Math.max(width, s.key().length());
        }
        PrintWriter out = parent.out();
        for (EffectiveConfig.Setting s : config.settings()) {
            String value = s.value().replace("\n", "\n" + " ".repeat(width + 3));
            out.println(pad(s.key(), width) + " = " + value + "    # " + describe(s.source()));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** {@code .testr.conf:3}, {@code command line: --serial} or {@code default: one worker per core}. */
    static String describe(EffectiveConfig.Source source) {
        if (source instanceof EffectiveConfig.FromFile) {
            EffectiveConfig.FromFile f = (EffectiveConfig.FromFile) source;
            return "file " + f.file() + (f.line() > 0 ? ":" + f.line() : "");
        }
        if (source instanceof EffectiveConfig.CommandLine) {
            return "command line: " + ((EffectiveConfig.CommandLine) source).option();
        }
        return "default: " + ((EffectiveConfig.Default) source).why();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
