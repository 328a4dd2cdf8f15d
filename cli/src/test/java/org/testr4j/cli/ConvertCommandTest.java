package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvertCommandTest {
    private static String statsOf(byte[] stream) {
        return CommandRun.subunit(stream, "stats").out().lines().limit(4).reduce("", (a, b) -> a + b + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"subunit1", "junitxml", "tap", "json"})
    void roundTripsKeepEveryOutcome(String format) throws IOException {
        byte[] sample = SubunitCommandTest.sample();

        CommandRun out = CommandRun.subunit(sample, "convert", "--to", format);
        CommandRun back = CommandRun.subunit(out.stdout(), "convert", "--from", format, "--to", "subunit2");

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        assertThat(back.exitCode()).as(back.stderr()).isZero();
        assertThat(statsOf(back.stdout())).isEqualTo(statsOf(sample));
    }

    @Test
    void writesCsvAndJsonTests() throws IOException {
        CommandRun csv = CommandRun.subunit(SubunitCommandTest.sample(), "convert", "--to", "csv");
        CommandRun json = CommandRun.subunit(SubunitCommandTest.sample(), "convert", "--to", "json-tests");

        assertThat(csv.out()).startsWith("test,status,start_time,stop_time\r\n");
        assertThat(csv.out().split("\r\n")).hasSize(301);
        assertThat(json.out().lines()).hasSize(300).allMatch(l -> l.startsWith("{\"test_id\":"));
    }

    @Test
    void readsAJUnitXmlReportDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("TEST-pkg.FooTest.xml"),
                "<?xml version=\"1.0\"?>\n"
                        + "<testsuite name=\"pkg.FooTest\" tests=\"2\" failures=\"1\">\n"
                        + "  <testcase classname=\"pkg.FooTest\" name=\"adds\" time=\"0.01\"/>\n"
                        + "  <testcase classname=\"pkg.FooTest\" name=\"subtracts\" time=\"0.02\">\n"
                        + "    <failure message=\"boom\" type=\"java.lang.AssertionError\">trace</failure>\n"
                        + "  </testcase>\n"
                        + "</testsuite>\n");

        CommandRun run = CommandRun.subunit(new byte[0], "convert", "--from", "junitxml", dir.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(statsOf(run.stdout()))
                .startsWith("Total tests:       2\nPassed tests:      1\nFailed tests:      1\n");
    }

    @Test
    void aBrokenReportIsOneLineWithLineAndColumnAndTheOthersStillConvert(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("TEST-bad.xml"), "<testsuite><testcase name=\"x\"");
        Path good = Files.writeString(
                dir.resolve("TEST-good.xml"), "<testsuite><testcase classname=\"a\" name=\"b\"/></testsuite>");

        CommandRun run =
                CommandRun.subunit(new byte[0], "convert", "--from", "junitxml", bad.toString(), good.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr())
                .matches("subunit convert: .*TEST-bad\\.xml:\\d+:\\d+: .*\n")
                .doesNotContain("Exception");
        assertThat(statsOf(run.stdout())).startsWith("Total tests:       1\n");
    }

    @Test
    void readsTap() {
        CommandRun run = CommandRun.subunit(
                "1..3\nok 1 first\nnot ok 2 second\nok 3 third # SKIP later\n".getBytes(StandardCharsets.UTF_8),
                "convert",
                "--from",
                "tap",
                "--to",
                "json-tests");

        assertThat(run.out())
                .contains("\"status\":\"success\"")
                .contains("\"status\":\"fail\"")
                .contains("\"status\":\"skip\"");
    }

    @Test
    void refusesToReadCsv() {
        CommandRun run = CommandRun.subunit(new byte[0], "convert", "--from", "csv");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.stderr()).contains("cannot read csv: readable formats are");
    }

    @Test
    void textWithNoSubunitIsAnError() {
        CommandRun run = CommandRun.subunit("make: nothing to be done\n".getBytes(StandardCharsets.UTF_8), "stats");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr())
                .isEqualTo(
                        "subunit stats: <stdin>: no subunit found in 25 bytes of input: is it a test stream (subunit v2 or v1)?\n");
    }
}
