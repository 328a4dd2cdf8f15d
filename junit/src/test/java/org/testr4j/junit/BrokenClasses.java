package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A test class whose superclass is gone: it compiles, then cannot be loaded. */
final class BrokenClasses {
    private BrokenClasses() {}

    /** The class directory holding {@code broken/BrokenTest.class} without {@code broken/MissingBase.class}. */
    static Path compile(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/broken"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("MissingBase.java"), "package broken; public class MissingBase {}\n");
        Files.writeString(
                sources.resolve("BrokenTest.java"),
                "package broken; public class BrokenTest extends MissingBase {"
                        + " @org.junit.jupiter.api.Test void works() {} }\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(
                null,
                null,
                null,
                List.of(
                                "-d",
                                classes.toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                sources.resolve("MissingBase.java").toString(),
                                sources.resolve("BrokenTest.java").toString())
                        .toArray(String[]::new));
        assertThat(status).isZero();
        Files.delete(classes.resolve("broken/MissingBase.class"));
        return classes;
    }
}
