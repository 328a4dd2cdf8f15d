package org.testr4j.runner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenInvokerTest {
    @TempDir
    Path dir;

    @Test
    void theProjectsWrapperIsPreferredAndItsErrorLinesReported() throws Exception {
        Path wrapper = dir.resolve("mvnw");
        Files.writeString(
                wrapper,
                "#!/bin/sh\necho \"[INFO] args: $*\"\nprintf '\\033[0m[ERROR] COMPILATION ERROR :\\n'\n"
                        + "echo '[ERROR] /p/src/test/java/FooTest.java:[3,1] class, interface, enum, or record expected'\n"
                        + "echo '[ERROR] -> [Help 1]'\nexit 1\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        MavenInvoker maven = new MavenInvoker(dir);

        assertThat(maven.executable()).containsExactly(wrapper.toString());
        assertThatThrownBy(() -> maven.run(List.of("test-compile")))
                .isInstanceOf(MavenException.class)
                .hasMessage("mvnw -q -B test-compile failed (exit status 1) in " + dir + ":\n"
                        + "[ERROR] COMPILATION ERROR :\n"
                        + "[ERROR] /p/src/test/java/FooTest.java:[3,1] class, interface, enum, or record expected");
    }

    @Test
    void withoutErrorLinesTheLastLinesAreShown() {
        assertThat(MavenInvoker.errorLines("one\ntwo\n")).isEqualTo("one\ntwo");
    }
}
