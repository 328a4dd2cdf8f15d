package org.testr4j.subunit.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.testr4j.subunit.TestStatus;

/**
 * Which whole tests a {@link TestFilter} keeps: by outcome, by pattern, by tag; and whether it keeps
 * the stream's output between tests. A value, built from {@code subunit-filter}'s flags.
 *
 * <p>A test is kept when its status is one of {@link #statuses()}, some {@link #with()} pattern
 * (if any are given) finds a match, no {@link #without()} pattern does, it carries every one of
 * {@link #withTags()} and none of {@link #withoutTags()}. Patterns are searched for (not matched
 * whole) in the test id and in the text of each text attachment, in {@link Pattern#MULTILINE}
 * mode as python compiles them. An unexpected success is kept whenever its status is, whatever
 * the patterns and tags say: python-subunit's filter never hides one ({@code addUnexpectedSuccess}
 * skips every predicate), and this keeps its behaviour. A test the stream never finished has
 * status {@link TestStatus#IN_PROGRESS}; a test only listed has {@link TestStatus#EXISTS}.
 *
 * <p>{@code subunit-filter}'s flags map to these methods, starting from {@link
 * #subunitFilterDefaults()}:
 *
 * <table>
 *   <caption>python flags</caption>
 *   <tr><td>{@code -s, --success} / {@code --no-success}</td><td>{@code keeping(SUCCESS)} / {@code dropping(SUCCESS)}</td></tr>
 *   <tr><td>{@code --no-skip}</td><td>{@code dropping(SKIP)}</td></tr>
 *   <tr><td>{@code --xfail} / {@code --no-xfail}</td><td>{@code keeping(EXPECTED_FAIL)} / {@code dropping(EXPECTED_FAIL)}</td></tr>
 *   <tr><td>{@code -f, --no-failure} / {@code --failure}</td><td>{@code dropping(FAIL, IN_PROGRESS)} / {@code keeping(FAIL, IN_PROGRESS)}:
 *       python reports an unfinished test as a failure</td></tr>
 *   <tr><td>{@code -e, --no-error} / {@code --error}</td><td>no change: python reports no errors from a v2 stream</td></tr>
 *   <tr><td>{@code -F, --only-genuine-failures}</td><td>{@link #onlyGenuineFailures()}</td></tr>
 *   <tr><td>{@code -m, --with RE} / {@code --without RE}</td><td>{@link #matching} / {@link #notMatching}</td></tr>
 *   <tr><td>{@code --with-tag T} / {@code --without-tag T}</td><td>{@link #withTag} / {@link #withoutTag}</td></tr>
 *   <tr><td>{@code --no-passthrough}</td><td>{@link #droppingNonTestEvents()}</td></tr>
 *   <tr><td>{@code --fixup-expected-failures FILE}</td><td>an {@link ExpectedFailureFixup} in front of the filter</td></tr>
 * </table>
 *
 * <p>Python searches its patterns in one string made of the test id, its outcome name
 * ({@code failure}, {@code success}, …) and a {@code repr} of its attachments, so there {@code
 * --without fail} also drops every failing test and {@code \n} in an attachment reads as two
 * characters. Here the id and each attachment's text are searched apart, as written. Patterns
 * compare by identity ({@link Pattern} has no value equality), so two selections built from the
 * same flags are equal only if they share their pattern objects.
 *
 * <pre>{@code
 * TestSelection failuresInDb = TestSelection.subunitFilterDefaults().dropping(TestStatus.SKIP).withTag("db");
 * failuresInDb.keeps(result); // true for a failed test tagged db
 * }</pre>
 *
 * @param statuses the statuses of tests kept: final ones, {@code EXISTS}, {@code IN_PROGRESS}
 * @param with if not empty, a test is kept only if one of these is found
 * @param without a test is dropped if one of these is found
 * @param withTags a test is kept only if it carries all of these
 * @param withoutTags a test is dropped if it carries any of these
 * @param nonTestEvents what happens to events without a test id
 */
public record TestSelection(
        Set<TestStatus> statuses,
        List<Pattern> with,
        List<Pattern> without,
        Set<String> withTags,
        Set<String> withoutTags,
        NonTestEvents nonTestEvents) {

    /** What a filter does with events that belong to no test (output between tests, global tags). */
    public enum NonTestEvents {
        /** Pass them on at once, as {@code subunit-filter} does by default. */
        KEEP,
        /** Drop them ({@code --no-passthrough}). */
        DROP
    }

    public TestSelection {
        Objects.requireNonNull(statuses, "statuses");
        if (statuses.contains(TestStatus.NONE)) {
            throw new IllegalArgumentException("a test always has a status; NONE cannot be selected: " + statuses);
        }
        statuses = statuses.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(TestStatus.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        with = List.copyOf(with);
        without = List.copyOf(without);
        withTags = Collections.unmodifiableSet(new LinkedHashSet<>(withTags));
        withoutTags = Collections.unmodifiableSet(new LinkedHashSet<>(withoutTags));
        Objects.requireNonNull(nonTestEvents, "nonTestEvents");
    }

    /** Keeps every test and every other event. */
    public static TestSelection all() {
        return new TestSelection(
                EnumSet.complementOf(EnumSet.of(TestStatus.NONE)),
                List.of(),
                List.of(),
                Set.of(),
                Set.of(),
                NonTestEvents.KEEP);
    }

    /**
     * What {@code subunit-filter} keeps with no flags: failures, skips, unexpected successes and
     * unfinished tests, plus the output between tests; not successes, expected failures or listings.
     */
    public static TestSelection subunitFilterDefaults() {
        return new TestSelection(
                EnumSet.of(TestStatus.FAIL, TestStatus.SKIP, TestStatus.UNEXPECTED_SUCCESS, TestStatus.IN_PROGRESS),
                List.of(),
                List.of(),
                Set.of(),
                Set.of(),
                NonTestEvents.KEEP);
    }

    /** This selection, also keeping tests with these statuses. */
    public TestSelection keeping(TestStatus... more) {
        EnumSet<TestStatus> changed = statusSet();
        changed.addAll(List.of(more));
        return withStatuses(changed);
    }

    /** This selection, no longer keeping tests with these statuses. */
    public TestSelection dropping(TestStatus... fewer) {
        EnumSet<TestStatus> changed = statusSet();
        changed.removeAll(List.of(fewer));
        return withStatuses(changed);
    }

    /**
     * {@code -F}: only failures, unexpected successes and unfinished tests, without the output
     * between tests.
     */
    public TestSelection onlyGenuineFailures() {
        return dropping(TestStatus.SUCCESS, TestStatus.SKIP, TestStatus.EXPECTED_FAIL)
                .droppingNonTestEvents();
    }

    /**
     * This selection, also keeping tests where {@code regex} is found ({@code --with}); a test is
     * kept if any such pattern is found.
     *
     * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid pattern
     */
    public TestSelection matching(String regex) {
        List<Pattern> more = new ArrayList<>(with);
        more.add(Pattern.compile(regex, Pattern.MULTILINE));
        return new TestSelection(statuses, more, without, withTags, withoutTags, nonTestEvents);
    }

    /**
     * This selection, dropping tests where {@code regex} is found ({@code --without}).
     *
     * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid pattern
     */
    public TestSelection notMatching(String regex) {
        List<Pattern> more = new ArrayList<>(without);
        more.add(Pattern.compile(regex, Pattern.MULTILINE));
        return new TestSelection(statuses, with, more, withTags, withoutTags, nonTestEvents);
    }

    /** This selection, keeping only tests that also carry {@code tag}. */
    public TestSelection withTag(String tag) {
        Set<String> more = new LinkedHashSet<>(withTags);
        more.add(Objects.requireNonNull(tag, "tag"));
        return new TestSelection(statuses, with, without, more, withoutTags, nonTestEvents);
    }

    /** This selection, dropping tests that carry {@code tag}. */
    public TestSelection withoutTag(String tag) {
        Set<String> more = new LinkedHashSet<>(withoutTags);
        more.add(Objects.requireNonNull(tag, "tag"));
        return new TestSelection(statuses, with, without, withTags, more, nonTestEvents);
    }

    /** This selection, dropping events that belong to no test ({@code --no-passthrough}). */
    public TestSelection droppingNonTestEvents() {
        return new TestSelection(statuses, with, without, withTags, withoutTags, NonTestEvents.DROP);
    }

    /** True if a test that ended with {@code status} could be kept; false means it never is. */
    public boolean keepsStatus(TestStatus status) {
        return statuses.contains(status);
    }

    /** True if {@code test} is one to keep. */
    public boolean keeps(TestResult test) {
        if (!statuses.contains(test.status())) {
            return false;
        }
        if (test.status() == TestStatus.UNEXPECTED_SUCCESS) {
            return true;
        }
        if (!with.isEmpty() && !foundIn(with, test)) {
            return false;
        }
        if (foundIn(without, test)) {
            return false;
        }
        if (!test.tags().containsAll(withTags)) {
            return false;
        }
        return Collections.disjoint(test.tags(), withoutTags);
    }

    private static boolean foundIn(List<Pattern> patterns, TestResult test) {
        if (patterns.isEmpty()) {
            return false;
        }
        List<String> texts = new ArrayList<>();
        texts.add(test.testId());
        for (Attachment attachment : test.attachments()) {
            if (attachment.isText()) {
                texts.add(attachment.content().utf8());
            }
        }
        for (Pattern pattern : patterns) {
            for (String text : texts) {
                if (pattern.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private EnumSet<TestStatus> statusSet() {
        return statuses.isEmpty() ? EnumSet.noneOf(TestStatus.class) : EnumSet.copyOf(statuses);
    }

    private TestSelection withStatuses(Set<TestStatus> changed) {
        return new TestSelection(changed, with, without, withTags, withoutTags, nonTestEvents);
    }
}
