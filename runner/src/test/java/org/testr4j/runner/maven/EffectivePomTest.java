package org.testr4j.runner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectivePomTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryProjectOfAReactorWithSurefiresSettings() throws Exception {
        Path file = write("<projects>"
                + project("parent", "pom", "")
                + project(
                        "core",
                        "jar",
                        "<plugin><artifactId>maven-surefire-plugin</artifactId><configuration>"
                                + "<argLine>@{argLine} -Xmx256m -Dmissing=@{nothing}</argLine>"
                                + "<includes><include>**/*Check.java</include></includes>"
                                + "<excludes><exclude>**/Slow*.java</exclude></excludes>"
                                + "<systemPropertyVariables><db.url>jdbc:x</db.url></systemPropertyVariables>"
                                + "</configuration></plugin>")
                + "</projects>");

        List<ModuleSettings> modules = EffectivePom.read(file);

        assertThat(modules).extracting(ModuleSettings::artifactId).containsExactly("parent", "core");
        ModuleSettings core = modules.get(1);
        assertThat(core.packaging()).isEqualTo("jar");
        assertThat(core.baseDir()).isEqualTo(Path.of("/p/core"));
        assertThat(core.testClasses()).isEqualTo(Path.of("/p/core/target/test-classes"));
        assertThat(core.classes()).isEqualTo(Path.of("/p/core/target/classes"));
        assertThat(core.argLine()).isEqualTo("-javaagent:jacoco.jar -Xmx256m -Dmissing=");
        assertThat(core.includes()).containsExactly("**/*Check.java");
        assertThat(core.excludes()).containsExactly("**/Slow*.java");
        assertThat(core.systemProperties()).isEqualTo(Map.of("db.url", "jdbc:x"));
        assertThat(core.skipped()).isFalse();
    }

    @Test
    void aSingleProjectAndTheDefaultTestExecutionsConfiguration() throws Exception {
        Path file = write(project(
                "solo",
                "jar",
                "<plugin><artifactId>maven-surefire-plugin</artifactId>"
                        + "<configuration><argLine>-Da=1</argLine></configuration>"
                        + "<executions><execution><id>default-test</id><configuration><argLine>-Da=2</argLine>"
                        + "</configuration></execution><execution><id>other</id><configuration><argLine>-Da=3"
                        + "</argLine></configuration></execution></executions></plugin>"));

        assertThat(EffectivePom.read(file)).singleElement().satisfies(m -> {
            assertThat(m.artifactId()).isEqualTo("solo");
            assertThat(m.argLine()).isEqualTo("-Da=2");
        });
    }

    @Test
    void skipTestsInConfigurationOrPropertiesSkipsTheModule() throws Exception {
        Path file = write("<projects>"
                + project(
                        "a",
                        "jar",
                        "<plugin><artifactId>maven-surefire-plugin</artifactId>"
                                + "<configuration><skipTests>true</skipTests></configuration></plugin>")
                + project("b", "jar", "").replace("<properties>", "<properties><maven.test.skip>true</maven.test.skip>")
                + project("c", "jar", "")
                + "</projects>");

        assertThat(EffectivePom.read(file)).extracting(ModuleSettings::skipped).containsExactly(true, true, false);
    }

    @Test
    void aFileThatIsNotXmlIsOneClearError() throws Exception {
        Path file = dir.resolve("effective-pom.xml");
        Files.writeString(file, "<projects><project>");

        assertThatThrownBy(() -> EffectivePom.read(file))
                .isInstanceOf(MavenException.class)
                .hasMessageStartingWith("cannot read Maven's effective pom " + file);
    }

    private Path write(String xml) throws IOException {
        Path file = dir.resolve("effective-pom.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n" + xml);
        return file;
    }

    private static String project(String artifactId, String packaging, String plugins) {
        String base = "/p/" + artifactId;
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><artifactId>" + artifactId + "</artifactId>"
                + "<packaging>" + packaging + "</packaging>"
                + "<properties><argLine>-javaagent:jacoco.jar</argLine></properties>"
                + "<build><directory>" + base + "/target</directory>"
                + "<outputDirectory>" + base + "/target/classes</outputDirectory>"
                + "<testOutputDirectory>" + base + "/target/test-classes</testOutputDirectory>"
                + "<plugins>" + plugins + "</plugins></build></project>";
    }
}
