package org.testr4j.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the selected classes in the scan directories that cannot be loaded: JUnit's own classpath
 * scan passes over them in silence, and a test must never disappear without a word.
 *
 * <pre>{@code
 * ClassScan.unloadable(List.of(testClasses), patterns, loader); // {com.example.BrokenTest=NoClassDefFoundError...}
 * }</pre>
 */
final class ClassScan {
    private ClassScan() {}

    /** Each selected class that fails to load, with the error, in path order. */
    static Map<String, Throwable> unloadable(List<Path> scanDirs, SurefirePatterns patterns, ClassLoader loader) {
        Map<String, Throwable> broken = new LinkedHashMap<>();
        for (Path dir : scanDirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .sorted()
                        .forEach(f -> check(className(dir, f), patterns, loader, broken));
            } catch (IOException e) {
                throw new UncheckedIOException("scanning " + dir + " for test classes: " + e.getMessage(), e);
            }
        }
        return broken;
    }

    private static void check(
            String className, SurefirePatterns patterns, ClassLoader loader, Map<String, Throwable> broken) {
        if (className.endsWith("module-info") || className.endsWith("package-info") || !patterns.includes(className)) {
            return;
        }
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            broken.put(className, e);
        }
    }

    private static String className(Path dir, Path classFile) {
        String relative = dir.relativize(classFile)
                .toString()
                .replace(classFile.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.length() - ".class".length());
    }
}
