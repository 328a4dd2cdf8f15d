package org.testr4j.subunit.junitxml;

/**
 * A test id split into JUnit's {@code classname} and {@code name} as python's junitxml splits it: at
 * the last dot before the first parenthesis, so parameters keep their dots.
 *
 * <pre>{@code
 * TestCaseName.of("pkg.Cls.test(a.b)")  // classname "pkg.Cls", name "test(a.b)"
 * TestCaseName.of("no_dots")            // classname "", name "no_dots"
 * }</pre>
 *
 * @param classname everything before the split, or empty
 * @param name the rest
 */
record TestCaseName(String classname, String name) {
    static TestCaseName of(String testId) {
        // python: test_id.rfind(".", 0, test_id.find("(")); find gives -1 without a parenthesis,
        // which as an end index leaves out the id's last character.
        int paren = testId.indexOf('(');
        int end = paren >= 0 ? paren : testId.length() - 1;
        int dot = end <= 0 ? -1 : testId.lastIndexOf('.', end - 1);
        if (dot < 0) {
            return new TestCaseName("", testId);
        }
        return new TestCaseName(testId.substring(0, dot), testId.substring(dot + 1));
    }
}
