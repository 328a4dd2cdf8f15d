package org.testr4j.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each expectation here is what Python 3.11's configparser gives for the same text (checked by PythonIniOracleIT). */
class PythonIniTest {
    private static final Path FILE = Path.of("/p/.testr.conf");

    static Map<String, String> values(String text) throws ConfigException {
        Map<String, PythonIni.Entry> raw = PythonIni.readDefaults(text.lines().toList(), FILE);
        Map<String, String> out = new LinkedHashMap<>();
        for (PythonIni.Entry e : raw.values()) {
            out.put(e.key(), PythonIni.interpolate(e, raw, FILE));
        }
        return out;
    }

    @Test
    void indentedLinesContinueTheValueJoinedByNewlines() throws Exception {
        String text = "[DEFAULT]\ntest_command=OS_STDOUT_CAPTURE=1 \\\n"
                + "    ${PYTHON:-python} -m subunit.run discover $LISTOPT $IDOPTION\n"
                + "test_id_option=--load-list $IDFILE\n";

        assertThat(values(text))
                .containsEntry(
                        "test_command",
                        "OS_STDOUT_CAPTURE=1 \\\n${PYTHON:-python} -m subunit.run discover $LISTOPT $IDOPTION")
                .containsEntry("test_id_option", "--load-list $IDFILE");
    }

    @Test
    void blankLinesStayInsideAValueButNotAtItsEnd() throws Exception {
        assertThat(values("[DEFAULT]\ntest_command=a\n  b\n\n  c\n\n")).containsEntry("test_command", "a\nb\n\nc");
    }

    @Test
    void colonOrEqualsAndSpacesAroundThem() throws Exception {
        assertThat(values("[DEFAULT]\ntest_list_option: --list\ntest_command = run  \nx=a=b:c\ny :d=e\n"))
                .containsEntry("test_list_option", "--list")
                .containsEntry("test_command", "run")
                .containsEntry("x", "a=b:c")
                .containsEntry("y", "d=e");
    }

    @Test
    void onlyWholeLinesAreComments() throws Exception {
        assertThat(values("[DEFAULT]\n# a comment\n  ; indented comment\ntest_command=foo # not a comment; b\n"))
                .containsExactly(Map.entry("test_command", "foo # not a comment; b"));
    }

    @Test
    void aCommentInsideAContinuedValueIsDropped() throws Exception {
        assertThat(values("[DEFAULT]\ntest_command=a\n  # gone\n  b\n")).containsEntry("test_command", "a\nb");
    }

    @Test
    void keysAreLowerCased() throws Exception {
        assertThat(values("[DEFAULT]\nTest_Command=x\n")).containsExactly(Map.entry("test_command", "x"));
    }

    @Test
    void percentInterpolation() throws Exception {
        assertThat(values("[DEFAULT]\nBase=python\ntest_command=%(BASE)s -c \"print(100%%)\"\n"))
                .containsEntry("test_command", "python -c \"print(100%)\"");
    }

    @Test
    void backslashesQuotesAndDollarsAreKeptAsWritten() throws Exception {
        assertThat(values("[DEFAULT]\ntest_command=sed 's/\\./x/' \"${HOME}\" \\t\n"))
                .containsEntry("test_command", "sed 's/\\./x/' \"${HOME}\" \\t");
    }

    @Test
    void emptyValueAndValueOnTheNextLine() throws Exception {
        assertThat(values("[DEFAULT]\ntest_id_list_default=\ntest_command=\n  run\n"))
                .containsEntry("test_id_list_default", "")
                .containsEntry("test_command", "\nrun");
    }

    @Test
    void otherSectionsAreReadButNotKept() throws Exception {
        assertThat(values("[tox]\ntest_command=other\n  more\n[DEFAULT]\ntest_command=mine\n"))
                .containsExactly(Map.entry("test_command", "mine"));
    }

    @Test
    void aBarePercentIsAnErrorNamingTheKeyAndLine() {
        assertThatThrownBy(() -> values("[DEFAULT]\n\ntest_command=echo 100%\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/p/.testr.conf:3: test_command: '%' must be followed by '%' or '(' (write %% for a"
                        + " percent sign), found: %");
    }

    @Test
    void aMissingReferenceIsAnError() {
        assertThatThrownBy(() -> values("[DEFAULT]\ntest_command=%(py)s\n"))
                .hasMessageContaining(":2: test_command: %(py)s refers to a key that is not set");
    }

    @Test
    void aSelfReferenceStopsAtPythonsDepth() {
        assertThatThrownBy(() -> values("[DEFAULT]\na=%(a)s\n")).hasMessageContaining("deeper than 10");
    }

    @Test
    void aKeyBeforeAnySectionIsAnError() {
        assertThatThrownBy(() -> values("test_command=x\n"))
                .hasMessage("/p/.testr.conf:1: expected the section header [DEFAULT] before any key, found:"
                        + " test_command=x");
    }

    @Test
    void aLineWithoutDelimiterIsAnError() {
        assertThatThrownBy(() -> values("[DEFAULT]\ntest_command\n"))
                .hasMessage("/p/.testr.conf:2: expected 'key = value' or 'key: value', found: test_command");
    }

    @Test
    void aKeySetTwiceIsAnError() {
        assertThatThrownBy(() -> values("[DEFAULT]\ntest_command=a\nTEST_COMMAND=b\n"))
                .hasMessage("/p/.testr.conf:3: test_command: set twice in [DEFAULT] (Python's configparser refuses"
                        + " this)");
    }

    @Test
    void theDefaultSectionMayBeOpenedTwice() throws Exception {
        assertThat(values("[DEFAULT]\na=1\n[x]\nb=2\n[DEFAULT]\nc=3\n")).containsOnlyKeys("a", "c");
    }

    @Test
    void linesEndingInCarriageReturnsAreLines() throws Exception {
        List<String> lines = "[DEFAULT]\r\ntest_command=run\r\n".lines().toList();
        assertThat(PythonIni.readDefaults(lines, FILE).get("test_command").rawValue())
                .isEqualTo("run");
    }
}
