package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testr4j.subunit.PythonOracle;

/** The real launcher against the python-subunit tool of the same name, on the same stream. */
class PythonParityIT {
    private static final Path ROOT = PythonOracle.projectRoot();

    @TempDir
    static Path dir;

    @BeforeAll
    static void stream() throws Exception {
        PythonOracle.require("subunit-filter", "subunit-tags", "subunit-ls", "subunit-stats");
        LauncherIT.Result made = LauncherIT.sh(
                dir,
                PythonOracle.PYTHON + " " + PythonOracle.benchScript("gen_stream.py")
                        + " 1000 stream.subunit --seed 11");
        assertThat(made.exitCode()).as(made.stderr()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-s",
                "--no-skip",
                "-F",
                "-f -s",
                "--with-tag db",
                "--without-tag slow -s",
                "-s --with test_case_00001",
                "--without AssertionError -s",
                "--xfail --no-passthrough",
                // python renames successes and failures only (see TestRenamer): compare without skips
                "-s --no-skip --rename 'module_0+([1-9])' 'm\\1' --rename '\\.TestCase' '/T'",
                "--no-skip --rename '(module_\\d+)' '\\g<1>x' --with 'module_\\d+x'"
            })
    void filterKeepsTheSameTestsAsSubunitFilter(String flags) throws Exception {
        LauncherIT.Result ours = LauncherIT.sh(
                dir, ROOT + "/bin/subunit filter " + flags + " < stream.subunit | subunit-ls --exists | sort");
        LauncherIT.Result theirs =
                LauncherIT.sh(dir, "subunit-filter " + flags + " < stream.subunit | subunit-ls --exists | sort");

        assertThat(ours.stdout()).isEqualTo(theirs.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "foo -slow", "-db -smoke bar"})
    void tagsGiveTheSameEventsAsSubunitTags(String tags) throws Exception {
        LauncherIT.sh(dir, ROOT + "/bin/subunit tags " + tags + " < stream.subunit > ours.subunit");
        LauncherIT.sh(dir, "subunit-tags " + tags + " < stream.subunit > theirs.subunit");

        LauncherIT.Result equal = LauncherIT.sh(
                dir,
                PythonOracle.PYTHON + " " + PythonOracle.benchScript("events_equal.py")
                        + " ours.subunit theirs.subunit");
        assertThat(equal.exitCode()).as(equal.stdout()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats", "ls"})
    void statsAndLsAgreeWithSubunitTools(String tool) throws Exception {
        LauncherIT.Result ours = LauncherIT.sh(dir, ROOT + "/bin/subunit " + tool + " < stream.subunit | head -5");
        LauncherIT.Result theirs = LauncherIT.sh(dir, "subunit-" + tool + " < stream.subunit | head -5");

        assertThat(ours.stdout()).isEqualTo(theirs.stdout());
        assertThat(Files.size(dir.resolve("stream.subunit"))).isPositive();
    }
}
