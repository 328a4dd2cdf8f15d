package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.testr4j.subunit.TestStatus.EXISTS;
import static org.testr4j.subunit.TestStatus.EXPECTED_FAIL;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.NONE;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;
import static org.testr4j.subunit.TestStatus.UNEXPECTED_SUCCESS;

import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.TestStatus;

class TestSelectionTest {
    private static final TestSelection DEFAULTS = TestSelection.subunitFilterDefaults();

    @ParameterizedTest
    @EnumSource(
            value = TestStatus.class,
            names = {"FAIL", "SKIP", "UNEXPECTED_SUCCESS", "IN_PROGRESS"})
    void keepsWhatSubunitFilterKeepsWithoutFlags(TestStatus status) {
        assertThat(DEFAULTS.keeps(test("a", status))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = TestStatus.class,
            names = {"SUCCESS", "EXPECTED_FAIL", "EXISTS"})
    void dropsWhatSubunitFilterDropsWithoutFlags(TestStatus status) {
        assertThat(DEFAULTS.keeps(test("a", status))).isFalse();
    }

    @Test
    void keepingAndDroppingChangeOnlyTheStatuses() {
        TestSelection s = DEFAULTS.keeping(SUCCESS).dropping(SKIP);

        assertThat(s.statuses()).containsExactlyInAnyOrder(SUCCESS, FAIL, UNEXPECTED_SUCCESS, IN_PROGRESS);
        assertThat(DEFAULTS.statuses()).contains(SKIP).doesNotContain(SUCCESS);
    }

    @Test
    void onlyGenuineFailuresKeepsFailuresAndDropsOutputBetweenTests() {
        TestSelection f = TestSelection.all().onlyGenuineFailures();

        assertThat(f.statuses()).containsExactlyInAnyOrder(FAIL, UNEXPECTED_SUCCESS, IN_PROGRESS, EXISTS);
        assertThat(f.nonTestEvents()).isEqualTo(TestSelection.NonTestEvents.DROP);
    }

    @Test
    void withPatternsKeepTestsWhoseIdOrErrorTextMatchesAny() {
        TestSelection s = TestSelection.all().matching("^db\\.").matching("Timeout");

        assertThat(s.keeps(test("db.a", FAIL))).isTrue();
        assertThat(s.keeps(test("web.a", FAIL, "socket Timeout\n"))).isTrue();
        assertThat(s.keeps(test("web.a", FAIL))).isFalse();
    }

    @Test
    void patternsAreSearchedLineByLineInMultilineMode() {
        TestSelection s = TestSelection.all().matching("^Assertion");

        assertThat(s.keeps(test("a", FAIL, "Traceback\nAssertionError: 1 != 2\n")))
                .isTrue();
    }

    @Test
    void withoutPatternsDropTestsThatMatchAny() {
        TestSelection s = TestSelection.all().notMatching("slow");

        assertThat(s.keeps(test("a.slow_test", SUCCESS))).isFalse();
        assertThat(s.keeps(test("a.fast", SUCCESS))).isTrue();
    }

    @Test
    void doesNotSearchBinaryAttachments() {
        TestResult binary = new TestResult(
                "a",
                FAIL,
                Set.of(),
                true,
                null,
                null,
                null,
                List.of(new Attachment("core", "application/octet-stream", Bytes.utf8("needle"))));

        assertThat(TestSelection.all().matching("needle").keeps(binary)).isFalse();
    }

    @Test
    void withTagsNeedsEveryTagAndWithoutTagsRejectsAny() {
        TestSelection both = TestSelection.all().withTag("db").withTag("slow");
        TestSelection neither = TestSelection.all().withoutTag("db").withoutTag("slow");

        assertThat(both.keeps(tagged("db", "slow", "x"))).isTrue();
        assertThat(both.keeps(tagged("db"))).isFalse();
        assertThat(neither.keeps(tagged("x"))).isTrue();
        assertThat(neither.keeps(tagged("slow"))).isFalse();
    }

    @Test
    void keepsAnUnexpectedSuccessWhateverPatternsAndTagsSayAsPythonDoes() {
        TestSelection s = DEFAULTS.matching("nothing").withTag("absent").notMatching("a");

        assertThat(s.keeps(test("a", UNEXPECTED_SUCCESS))).isTrue();
        assertThat(s.dropping(UNEXPECTED_SUCCESS).keeps(test("a", UNEXPECTED_SUCCESS)))
                .isFalse();
    }

    @Test
    void refusesToSelectTheNoneStatus() {
        assertThatThrownBy(() -> TestSelection.all().keeping(NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NONE");
    }

    @Test
    void reportsABadPatternWithThePattern() {
        assertThatThrownBy(() -> TestSelection.all().matching("(unclosed"))
                .isInstanceOf(PatternSyntaxException.class)
                .hasMessageContaining("(unclosed");
    }

    @Test
    void keepsEverythingWhenAllIsSelected() {
        for (TestStatus status : TestStatus.values()) {
            if (status != NONE) {
                assertThat(TestSelection.all().keeps(test("a", status))).isTrue();
            }
        }
        assertThat(TestSelection.all().keeping(EXPECTED_FAIL).statuses()).hasSize(7);
    }

    private static TestResult test(String id, TestStatus status) {
        return new TestResult(id, status, Set.of(), true, null, null, null, List.of());
    }

    private static TestResult test(String id, TestStatus status, String traceback) {
        return new TestResult(
                id,
                status,
                Set.of(),
                true,
                null,
                null,
                null,
                List.of(new Attachment("traceback", "text/plain", Bytes.utf8(traceback))));
    }

    private static TestResult tagged(String... tags) {
        return new TestResult("a", SUCCESS, Set.of(tags), true, null, null, null, List.of());
    }
}
