package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;
import org.testr4j.subunit.TestStatus;

class TestRenamerTest implements StreamResultContract {
    private final RecordingResult rec = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return new TestRenamer(List.of(TestRenamer.Rule.of("a", "b")), new RecordingResult());
    }

    @Test
    void renamesEveryEventOfATestWhateverItsStatus() {
        StreamResult renamer = new TestRenamer(List.of(TestRenamer.Rule.of("^tests\\.", "unit.")), rec);

        renamer.status(Event.test("tests.T.a").status(TestStatus.IN_PROGRESS).build());
        renamer.status(Event.test("tests.T.a").status(TestStatus.SUCCESS).build());
        renamer.status(Event.test("tests.T.b").status(TestStatus.SKIP).build());
        renamer.status(Event.test("other.tests.T").status(TestStatus.FAIL).build());

        assertThat(rec.events())
                .extracting(Event::testId)
                .containsExactly("unit.T.a", "unit.T.a", "unit.T.b", "other.tests.T");
    }

    @Test
    void passesEventsWithoutATestIdAndUnchangedIdsAsTheyAre() {
        StreamResult renamer = new TestRenamer(List.of(TestRenamer.Rule.of("x", "y")), rec);
        Event between = Event.builder().file("stdout", Bytes.utf8("hi")).build();
        Event untouched = Event.test("a").status(TestStatus.SUCCESS).build();

        renamer.status(between);
        renamer.status(untouched);

        assertThat(rec.events()).containsExactly(between, untouched);
        assertThat(rec.events().get(1)).isSameAs(untouched);
    }

    @Test
    void appliesTheRulesInOrderEachToEveryMatch() {
        TestRenamer renamer = new TestRenamer(
                List.of(TestRenamer.Rule.of("a", "ab"), TestRenamer.Rule.of("b", "c")), new RecordingResult());

        assertThat(renamer.rename("aXa")).isEqualTo("acXac");
    }

    @ParameterizedTest(name = "re.sub({0}, {1}, {2}) = {3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                // what python's re.sub gives for the same arguments
                "(\\w+)\\.(\\w+)       | \\2.\\1          | pkg.Test       | Test.pkg",
                "(\\w+)\\.(\\w+)       | \\g<2>.\\g<1>    | pkg.Test       | Test.pkg",
                "(?<m>\\w+)\\.          | [\\g<m>]         | pkg.Test       | [pkg]Test",
                "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j) | \\10         | abcdefghij     | j",
                "(a)                  | \\g<1>0          | a              | a0",
                "T                    | $1\\\\            | T              | $1\\",
                "T                    | \\.              | T              | \\.",
                "(x)?T                | <\\1>            | T              | <>",
                "x*                   | -                | ab             | -a-b-",
            })
    void readsPythonTemplates(String regex, String template, String id, String renamed) {
        assertThat(new TestRenamer(List.of(TestRenamer.Rule.of(regex.strip(), template.strip())), rec)
                        .rename(id.strip()))
                .isEqualTo(renamed.strip());
    }

    @Test
    void rejectsTemplatesPythonRejectsWithTheReason() {
        assertThatThrownBy(() -> TestRenamer.Rule.of("a", "x\\"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone backslash");
        assertThatThrownBy(() -> TestRenamer.Rule.of("(a)", "\\2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group 2; the pattern has 1");
        assertThatThrownBy(() -> TestRenamer.Rule.of("(?<n>a)", "\\g<m>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group <m>");
        assertThatThrownBy(() -> TestRenamer.Rule.of("a", "\\q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad escape \\q");
        assertThatThrownBy(() -> TestRenamer.Rule.of("a", "\\g1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\\g must be followed by <group>");
    }
}
