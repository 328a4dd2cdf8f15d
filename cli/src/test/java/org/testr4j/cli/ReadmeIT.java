package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's set-up commands are true: exactly two, and the main job really runs a parallel suite. */
class ReadmeIT {
    private static final Path ROOT =
            Path.of(System.getProperty("testr4j.projectRoot", "..")).toAbsolutePath();

    static List<String> commands() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String setUp = readme.substring(readme.indexOf("## Set up"), readme.indexOf("## Using it"));
        List<String> commands = new ArrayList<>();
        Matcher m = Pattern.compile("```sh\n(.*?)\n```", Pattern.DOTALL).matcher(setUp);
        while (m.find()) {
            commands.add(m.group(1).trim());
        }
        return commands;
    }

    @Test
    void hasExactlyTwoSetUpCommandsTheSecondOfWhichCiRuns() throws Exception {
        List<String> commands = commands();

        assertThat(commands).hasSize(2);
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains(commands.get(1));
    }

    @Test
    void theMainJobRunsTheSampleSuiteInParallelAndKeepsTheRun() throws Exception {
        Path repository = ROOT.resolve("samples/shell-suite/.testr");
        deleteTree(repository); // a fresh clone has none

        LauncherIT.Result r = LauncherIT.sh(ROOT, commands().get(0));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("Ran 12 tests")
                .contains("PASSED (id=0)")
                .contains("Worker Balance");
        assertThat(r.stdout().lines().filter(l -> l.startsWith("{1} "))).isNotEmpty(); // a second worker ran tests
        assertThat(repository.resolve("runs")).isDirectory();
        deleteTree(repository);
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
