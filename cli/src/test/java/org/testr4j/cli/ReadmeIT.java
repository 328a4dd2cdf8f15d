package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    void theMainJobRunsOurOwnSuiteInParallelAndKeepsTheRun() throws Exception {
        Path runs = ROOT.resolve(".testr/runs");
        long before = countRuns(runs); // a developer's own history stays: the job adds one run to it

        LauncherIT.Result r = LauncherIT.sh(ROOT, commands().get(0), Duration.ofMinutes(15));

        assertThat(r.exitCode()).as("%s%s", r.stderr(), whatFailed(r.stdout())).isZero();
        assertThat(r.stdout())
                .containsPattern("Ran [0-9]{3,} (\\([+-][0-9]+\\) )?tests") // "(+1)": against the run before, if any
                .contains("testr4j-subunit:org.testr4j.subunit.v2.PacketReaderTest.")
                .contains("testr4j-junit:org.testr4j.junit.JUnitWorkerTest.")
                .containsPattern("PASSED \\(id=[0-9]+\\)")
                .contains("Worker Balance");
        assertThat(r.stdout().lines().filter(l -> l.startsWith("{1} "))).isNotEmpty(); // a second worker ran tests
        assertThat(countRuns(runs)).isEqualTo(before + 1);
    }

    /** The failures the job printed and its last lines: what a red CI log needs to say. */
    private static String whatFailed(String stdout) {
        List<String> lines = stdout.lines().toList();
        StringBuilder b = new StringBuilder();
        int first = -1;
        for (int i = 0; i < lines.size() && first < 0; i++) {
            if (lines.get(i).matches("(FAIL|ERROR|UNEXPECTED SUCCESS|worker).*")) {
                first = Math.max(0, i - 1);
            }
        }
        if (first >= 0) {
            lines.subList(first, Math.min(lines.size(), first + 80))
                    .forEach(l -> b.append(l).append('\n'));
            b.append("...\n");
        }
        lines.subList(Math.max(0, lines.size() - 15), lines.size())
                .forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    private static long countRuns(Path runs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().matches("[0-9]+\\.subunit(\\.gz)?"))
                    .count();
        }
    }
}
