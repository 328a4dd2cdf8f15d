package org.testr4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.ExpectedFailureFixup;
import org.testr4j.subunit.process.TestFilter;
import org.testr4j.subunit.process.TestRenamer;
import org.testr4j.subunit.process.TestSelection;
import org.testr4j.subunit.v2.PacketWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code subunit filter}: keep or drop whole tests, with {@code subunit-filter}'s flags and
 * selection (see {@link TestSelection} for how each flag maps), writing a v2 stream.
 */
@Command(
        name = "filter",
        mixinStandardHelpOptions = true,
        description = {
            "Keep or drop whole tests of a stream (like subunit-filter); writes subunit v2.",
            "The default drops successes, expected failures and listings and keeps everything else.",
            "Patterns are Java regular expressions searched in the test id and in each text attachment."
        })
final class FilterCommand implements Callable<Integer> {
    @ParentCommand
    SubunitCommand parent;

    @Mixin
    StreamInput input;

    @Option(
            names = {"-s", "--success"},
            negatable = true,
            description = "Include (or exclude) successes; excluded by default.")
    boolean success;

    @Option(names = "--no-skip", description = "Exclude skips.")
    boolean noSkip;

    @Option(
            names = "--xfail",
            negatable = true,
            description = "Include (or exclude) expected failures; excluded by default.")
    boolean xfail;

    @Option(
            names = "--failure",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Include (or exclude) failures and unfinished tests; included by default.")
    boolean failure;

    @Option(names = "-f", description = "Exclude failures (same as --no-failure).")
    boolean noFailureShort;

    @Option(
            names = "--error",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Accepted for compatibility: a v2 stream has no errors apart from failures.")
    boolean error;

    @Option(names = "-e", description = "Accepted for compatibility (same as --no-error).")
    boolean noErrorShort;

    @Option(
            names = {"-F", "--only-genuine-failures", "--only-failures"},
            description = "Only failures, unexpected successes and unfinished tests, and no output between tests.")
    boolean onlyFailures;

    @Option(
            names = "--passthrough",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Keep (or discard) output that belongs to no test; kept by default.")
    boolean passthrough;

    @Option(
            names = {"-m", "--with"},
            paramLabel = "REGEX",
            description = "Keep only tests where REGEX is found; may be repeated (any one matches).")
    List<String> with = new ArrayList<>();

    @Option(
            names = "--without",
            paramLabel = "REGEX",
            description = "Drop tests where REGEX is found; may be repeated.")
    List<String> without = new ArrayList<>();

    @Option(
            names = "--with-tag",
            paramLabel = "TAG",
            description = "Keep only tests carrying TAG; may be repeated (all must be present).")
    List<String> withTags = new ArrayList<>();

    @Option(names = "--without-tag", paramLabel = "TAG", description = "Drop tests carrying TAG; may be repeated.")
    List<String> withoutTags = new ArrayList<>();

    @Option(
            names = "--fixup-expected-failures",
            paramLabel = "FILE",
            description =
                    "FILE lists test ids expected to fail: their failures become xfail, their successes uxsuccess.")
    Path fixup;

    @Option(
            names = "--rename",
            arity = "2",
            paramLabel = "FROM TO",
            hideParamSyntax = true,
            description = {
                "Replace every match of regex FROM in test ids by TO, before selecting; may be repeated (applied in"
                        + " order).",
                "TO is a python re.sub template, as subunit-filter takes it: \\1 or \\g<name> insert a group."
            })
    List<String> renames = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        TestSelection selection = selection();
        List<TestRenamer.Rule> rules = renameRules();
        StandardStreams io = parent.streams();
        PacketWriter writer = PacketWriter.to(io.out());
        StreamResult pipeline = new TestFilter(selection, writer);
        // python's order: the fixup list and the patterns see the new ids
        if (fixup != null) {
            pipeline = new ExpectedFailureFixup(expectedToFail(fixup), pipeline);
        }
        if (!rules.isEmpty()) {
            pipeline = new TestRenamer(rules, pipeline);
        }
        pipeline.startRun();
        StreamInput.Outcome outcome = input.pump(io, "subunit filter", pipeline, writer);
        pipeline.stopRun();
        writer.flush();
        return outcome.clean() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    TestSelection selection() {
        TestSelection s = TestSelection.subunitFilterDefaults();
        s = success ? s.keeping(TestStatus.SUCCESS) : s.dropping(TestStatus.SUCCESS);
        s = xfail ? s.keeping(TestStatus.EXPECTED_FAIL) : s.dropping(TestStatus.EXPECTED_FAIL);
        if (noSkip) {
            s = s.dropping(TestStatus.SKIP);
        }
        if (!failure || noFailureShort) {
            s = s.dropping(TestStatus.FAIL, TestStatus.IN_PROGRESS);
        }
        if (onlyFailures) {
            s = s.onlyGenuineFailures();
        }
        if (!passthrough) {
            s = s.droppingNonTestEvents();
        }
        try {
            for (String regex : with) {
                s = s.matching(regex);
            }
            for (String regex : without) {
                s = s.notMatching(regex);
            }
        } catch (PatternSyntaxException e) {
            throw new UserException("bad pattern '" + e.getPattern() + "': " + e.getDescription(), ExitCode.USAGE);
        }
        for (String tag : withTags) {
            s = s.withTag(tag);
        }
        for (String tag : withoutTags) {
            s = s.withoutTag(tag);
        }
        return s;
    }

    List<TestRenamer.Rule> renameRules() {
        List<TestRenamer.Rule> rules = new ArrayList<>();
        for (int i = 0; i + 1 < renames.size(); i += 2) {
            try {
                rules.add(TestRenamer.Rule.of(renames.get(i), renames.get(i + 1)));
            } catch (PatternSyntaxException e) {
                throw new UserException(
                        "bad --rename pattern '" + e.getPattern() + "': " + e.getDescription(), ExitCode.USAGE);
            } catch (IllegalArgumentException e) {
                throw new UserException("bad --rename: " + e.getMessage(), ExitCode.USAGE);
            }
        }
        return rules;
    }

    private static Set<String> expectedToFail(Path file) throws IOException {
        try {
            Set<String> ids = new HashSet<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    ids.add(line.strip());
                }
            }
            return ids;
        } catch (NoSuchFileException e) {
            throw new UserException("cannot read " + file + ": no such file");
        }
    }
}
