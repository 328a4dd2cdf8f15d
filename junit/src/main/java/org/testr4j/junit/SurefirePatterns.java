package org.testr4j.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.ClassNameFilter;

/**
 * Surefire's {@code <includes>}/{@code <excludes>} as a class name filter, so the worker picks the
 * classes Surefire would.
 *
 * <p>A pattern is a path glob over the class file ({@code **}/{@code *}/{@code ?}, {@code .java} or
 * {@code .class} optional), a class name form ({@code com.example.FooTest}, {@code FooTest} in any
 * package) or {@code %regex[...]} matched against the class file path ({@code
 * com/example/FooTest.class}). A class is included when an include matches and no exclude does.
 * Without includes Surefire's defaults apply, without excludes {@code **}{@code /*$*} (inner classes:
 * {@code @Nested} classes still run through their enclosing class, as under Surefire).
 *
 * <pre>{@code
 * SurefirePatterns.of(List.of(), List.of()).includes("com.example.FooTest"); // true
 * SurefirePatterns.of(List.of(), List.of()).includes("com.example.Foo$BarTest"); // false
 * }</pre>
 */
final class SurefirePatterns implements ClassNameFilter {
    static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    private static final String REGEX_START = "%regex[";

    private final List<Matcher> includes;
    private final List<Matcher> excludes;

    private SurefirePatterns(List<Matcher> includes, List<Matcher> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /**
     * The filter for these patterns, Surefire's defaults standing in for an empty list.
     *
     * @throws IllegalArgumentException naming the pattern when a {@code %regex[...]} does not compile
     */
    static SurefirePatterns of(List<String> includes, List<String> excludes) {
        return new SurefirePatterns(
                compile(includes.isEmpty() ? DEFAULT_INCLUDES : includes),
                compile(excludes.isEmpty() ? DEFAULT_EXCLUDES : excludes));
    }

    /** True if the class named {@code className} (binary name, {@code $} for nested) is selected. */
    boolean includes(String className) {
        String path = className.replace('.', '/');
        return matchesAny(includes, path) && !matchesAny(excludes, path);
    }

    @Override
    public FilterResult apply(String className) {
        return includes(className)
                ? FilterResult.included("matches the include patterns")
                : FilterResult.excluded("not selected by the include and exclude patterns");
    }

    private static boolean matchesAny(List<Matcher> matchers, String path) {
        for (Matcher m : matchers) {
            if (m.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<Matcher> compile(List<String> patterns) {
        List<Matcher> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            for (String single : pattern.split(",")) {
                if (!single.isBlank()) {
                    compiled.add(compileOne(single.strip()));
                }
            }
        }
        return compiled;
    }

    private static Matcher compileOne(String pattern) {
        if (pattern.startsWith(REGEX_START) && pattern.endsWith("]")) {
            String regex = pattern.substring(REGEX_START.length(), pattern.length() - 1);
            try {
                Pattern compiled = Pattern.compile(regex);
                // Surefire matches the class file's path; accept the source file's too
                return path -> compiled.matcher(path + ".class").matches()
                        || compiled.matcher(path + ".java").matches();
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "pattern '" + pattern + "': not a regular expression: " + e.getDescription(), e);
            }
        }
        Pattern glob = Pattern.compile(globToRegex(normalise(pattern)));
        return path -> glob.matcher(path).matches();
    }

    /** The glob over a class file path without extension, {@code /} separated. */
    private static String normalise(String pattern) {
        String p = pattern.replace('\\', '/');
        if (p.endsWith(".java") || p.endsWith(".class")) {
            p = p.substring(0, p.lastIndexOf('.'));
        } else if (p.indexOf('/') < 0) {
            p = p.replace('.', '/'); // a class name: com.example.FooTest
        }
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.indexOf('/') < 0) {
            p = "**/" + p; // a bare name matches in every package
        }
        if (p.endsWith("/")) {
            p = p + "**";
        }
        return p;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slashFollows ? "(?:.*/)?" : ".*"); // **/ is zero or more directories
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @FunctionalInterface
    private interface Matcher {
        boolean matches(String classPath);
    }
}
