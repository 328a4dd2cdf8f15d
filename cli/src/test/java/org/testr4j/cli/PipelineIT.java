package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A real stream through {@code subunit filter | subunit tags | subunit convert --to junitxml}, with the real launcher. */
class PipelineIT {
    private static final Path ROOT =
            Path.of(System.getProperty("testr4j.projectRoot", "..")).toAbsolutePath();

    @Test
    void filterTagsConvertToJUnitXml(@TempDir Path dir) throws Exception {
        LauncherIT.sample(dir);
        String bin = ROOT + "/bin/subunit";

        LauncherIT.Result r = LauncherIT.sh(
                dir,
                bin + " filter --no-skip < sample.subunit | " + bin + " tags ci-run -slow | " + bin
                        + " convert --to junitxml > report.xml; echo ${PIPESTATUS[*]}");

        assertThat(r.stdout().trim()).isEqualTo("0 0 0");
        assertThat(r.stderr()).isEmpty();
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("report.xml").toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("17"); // only the failures survive the filter
        assertThat(suite.getAttribute("failures")).isEqualTo("17");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(17);
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength())
                .isEqualTo(1);
        assertThat(Files.size(dir.resolve("report.xml"))).isPositive();
    }

    @Test
    void aReportIsTheSameWrittenToAFileThroughAPipeAndAppended(@TempDir Path dir) throws Exception {
        LauncherIT.sample(dir);
        String convert = ROOT + "/bin/subunit convert --to junitxml < sample.subunit";

        LauncherIT.Result r = LauncherIT.sh(
                dir,
                convert + " > file.xml && " + convert
                        + " | cat > piped.xml && echo '<!-- before -->' > appended.xml && " + convert
                        + " >> appended.xml");

        assertThat(r.stderr()).isEmpty();
        String piped = Files.readString(dir.resolve("piped.xml"));
        String file = Files.readString(dir.resolve("file.xml"));
        assertThat(file).matches("(?s)[^\\n]*\\n<testsuite [^>]*\" {20,}>\\n.*"); // counts written in place
        assertThat(file.replaceFirst(" +>", ">")).isEqualTo(piped);
        assertThat(Files.readString(dir.resolve("appended.xml"))).isEqualTo("<!-- before -->\n" + piped);
        assertThat(piped).contains("failures=\"17\"").contains("tests=\"300\"");
    }

    @Test
    void compatibilityLinksBehaveAsTheirPythonNames(@TempDir Path dir) throws Exception {
        LauncherIT.sample(dir);

        LauncherIT.Result r = LauncherIT.sh(
                dir,
                ROOT + "/bin/install-compat links > /dev/null && links/subunit-2to1 < sample.subunit"
                        + " | links/subunit-1to2 | links/subunit-stats | head -3");

        assertThat(r.stdout()).isEqualTo("Total tests:     300\nPassed tests:    276\nFailed tests:     17\n");
    }
}
