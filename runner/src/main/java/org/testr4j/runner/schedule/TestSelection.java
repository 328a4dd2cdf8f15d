package org.testr4j.runner.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which listed tests to run, by regular expressions over test ids, as stestr's {@code
 * construct_list} selects them.
 *
 * <p>A test is kept when any include filter is found in its id (a search, not a whole match; no
 * include filters keeps every test), and dropped when any exclude is found in it. Include filters
 * are the command-line filters plus the lines of {@code --include-list} files; excludes are the
 * lines of {@code --exclude-list} files plus {@code --exclude-regex}. In a list file, text after
 * {@code #} is a comment and blank lines are skipped. The listed order is kept.
 *
 * <pre>{@code
 * TestSelection s = TestSelection.builder().include("api").excludeRegex("slow").build();
 * s.apply(List.of("api.fast", "api.slow", "db.fast")); // [api.fast]
 * }</pre>
 */
public final class TestSelection {
    /** Keeps every test. */
    public static final TestSelection ALL = new TestSelection(List.of(), List.of());

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    private TestSelection(List<Pattern> includes, List<Pattern> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True if this selection keeps every test. */
    public boolean keepsAll() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** Whether {@code testId} is selected. */
    public boolean selects(String testId) {
        boolean included = includes.isEmpty()
                || includes.stream().anyMatch(p -> p.matcher(testId).find());
        return included && excludes.stream().noneMatch(p -> p.matcher(testId).find());
    }

    /** The selected tests of {@code testIds}, in their order. */
    public List<String> apply(List<String> testIds) {
        List<String> kept = new ArrayList<>();
        for (String id : testIds) {
            if (selects(id)) {
                kept.add(id);
            }
        }
        return kept;
    }

    /** Collects filters; each bad regex is reported with where it came from. */
    public static final class Builder {
        private final List<Pattern> includes = new ArrayList<>();
        private final List<Pattern> excludes = new ArrayList<>();

        private Builder() {}

        /** A filter from the command line: tests whose id contains a match are run. */
        public Builder include(String regex) {
            includes.add(compile(regex, "filter"));
            return this;
        }

        /** {@code --exclude-regex}: tests whose id contains a match are not run. */
        public Builder excludeRegex(String regex) {
            excludes.add(compile(regex, "--exclude-regex"));
            return this;
        }

        /** {@code --include-list FILE}: one include regex per line. */
        public Builder includeList(Path file) throws IOException {
            includes.addAll(readList(file));
            return this;
        }

        /** {@code --exclude-list FILE}: one exclude regex per line. */
        public Builder excludeList(Path file) throws IOException {
            excludes.addAll(readList(file));
            return this;
        }

        public TestSelection build() {
            return new TestSelection(includes, excludes);
        }

        private static List<Pattern> readList(Path file) throws IOException {
            List<Pattern> patterns = new ArrayList<>();
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                int hash = line.indexOf('#');
                String regex = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (!regex.isEmpty()) {
                    patterns.add(compile(regex, file + ":" + lineNo));
                }
            }
            return patterns;
        }

        private static Pattern compile(String regex, String where) {
            Objects.requireNonNull(regex, "regex");
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        where + ": invalid regular expression '" + regex + "': " + e.getDescription() + " near index "
                                + e.getIndex(),
                        e);
            }
        }
    }
}
