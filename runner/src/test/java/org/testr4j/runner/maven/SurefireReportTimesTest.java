package org.testr4j.runner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireReportTimesTest {
    @TempDir
    Path root;

    private Path reports(String module, String... testcases) throws Exception {
        Path dir = Files.createDirectories(root.resolve(module + "/target/surefire-reports"));
        Files.writeString(
                dir.resolve("TEST-com.example.CalcTest.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"com.example.CalcTest\" tests=\""
                        + testcases.length + "\">\n" + String.join("\n", testcases) + "\n</testsuite>\n");
        return dir;
    }

    @Test
    void aModulesReportsGiveEachTestItsTimeUnderItsIdPrefix() throws Exception {
        Path core = reports(
                "core",
                "<testcase classname=\"com.example.CalcTest\" name=\"adds\" time=\"1.5\"/>",
                "<testcase classname=\"com.example.CalcTest\" name=\"fails\" time=\"0.25\"><failure message=\"x\"/>"
                        + "</testcase>",
                "<testcase classname=\"com.example.CalcTest\" name=\"skipped\" time=\"0\"><skipped/></testcase>");
        Path list = root.resolve(SurefireReportTimes.LIST);
        Files.writeString(
                list,
                SurefireReportTimes.listLine("core:", core) + SurefireReportTimes.listLine("gone:", root.resolve("x")));

        Map<String, Duration> times = SurefireReportTimes.read(list).orElseThrow();

        assertThat(times)
                .isEqualTo(Map.of(
                        "core:com.example.CalcTest.adds", Duration.ofMillis(1500),
                        "core:com.example.CalcTest.fails", Duration.ofMillis(250)));
    }

    @Test
    void noListNoReportsOrReportsThatAreNotXmlGiveNothing() throws Exception {
        assertThat(SurefireReportTimes.read(root.resolve("missing.txt"))).isEmpty();

        Path dir = Files.createDirectories(root.resolve("m/target/surefire-reports"));
        Files.writeString(dir.resolve("TEST-broken.xml"), "<testsuite><testcase name=");
        Files.writeString(dir.resolve("other.txt"), "not a report");
        Path list = root.resolve(SurefireReportTimes.LIST);
        Files.writeString(list, SurefireReportTimes.listLine("", dir));

        assertThat(SurefireReportTimes.read(list)).isEmpty();
    }

    @Test
    void theConfWriterListsEveryModulesReportsFolder() throws Exception {
        ModuleTests a = WorkerConfWriterTest.module("a", "a:", "", Map.of());
        ModuleTests b = WorkerConfWriterTest.module("b", "b:", "", Map.of());

        new WorkerConfWriter(root, root.resolve("state"), Path.of("/jdk/bin/java")).write(List.of(a, b));

        assertThat(Files.readString(root.resolve("state").resolve(SurefireReportTimes.LIST)))
                .isEqualTo("a:\t/p/a/target/surefire-reports\nb:\t/p/b/target/surefire-reports\n");
    }
}
