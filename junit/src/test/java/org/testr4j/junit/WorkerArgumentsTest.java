package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerArgumentsTest {
    @Test
    void readsEveryOptionInBothForms() {
        WorkerArguments args = WorkerArguments.parse(
                "--scan",
                ".",
                "--scan=target",
                "--include",
                "**/*IT.java",
                "--exclude=**/Slow*",
                "--prefix",
                "core:",
                "--ids",
                "ids.txt");

        assertThat(args.scanDirs()).containsExactly(Path.of("."), Path.of("target"));
        assertThat(args.includes()).containsExactly("**/*IT.java");
        assertThat(args.excludes()).containsExactly("**/Slow*");
        assertThat(args.prefix()).isEqualTo("core:");
        assertThat(args.mode()).isEqualTo(WorkerArguments.Mode.IDS);
        assertThat(args.idsFile()).isEqualTo(Path.of("ids.txt"));
    }

    @Test
    void feedNeedsNoScanButListingDoes() {
        assertThat(WorkerArguments.parse("--feed").mode()).isEqualTo(WorkerArguments.Mode.FEED);
        assertThatThrownBy(() -> WorkerArguments.parse("--list"))
                .hasMessageStartingWith("--list needs at least one --scan DIR");
        assertThatThrownBy(() -> WorkerArguments.parse()).hasMessageStartingWith("running every test needs");
    }

    @Test
    void mistakesSayWhatIsWrong() {
        assertThat(List.of(
                        message("--scan", "/no/such/dir"),
                        message("--list", "--ids", "x", "--scan", "."),
                        message("--feed=yes"),
                        message("--prefix")))
                .containsExactly(
                        "--scan /no/such/dir: no such directory",
                        "--ids: only one of --list, --ids FILE and --feed may be given; " + WorkerArguments.USAGE,
                        "--feed takes no value, was given 'yes'",
                        "--prefix needs a value; " + WorkerArguments.USAGE);
    }

    private static String message(String... args) {
        try {
            WorkerArguments.parse(args);
            throw new AssertionError("accepted " + List.of(args));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
