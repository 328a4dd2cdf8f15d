package org.testr4j.runner.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * One module whose tests testr runs: its settings, the test classpath (test classes first, then
 * classes, then dependencies and whatever testr supplies, the worker's jar last) and the prefix of
 * its test ids ({@code core:} in a reactor, empty in a single-module project).
 *
 * <pre>{@code
 * new ModuleTests(settings, classpath, "core:");
 * }</pre>
 */
public record ModuleTests(ModuleSettings settings, List<Path> classpath, String idPrefix) {
    public ModuleTests {
        classpath = List.copyOf(classpath);
    }
}
