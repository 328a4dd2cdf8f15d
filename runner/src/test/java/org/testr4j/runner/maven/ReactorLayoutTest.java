package org.testr4j.runner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorLayoutTest {
    @TempDir
    Path root;

    @Test
    void followsModulesButNotProfilesModules() throws Exception {
        pom(
                root,
                "<modules><module>a</module><module>b/pom.xml</module></modules>"
                        + "<profiles><profile><modules><module>c</module></modules></profile></profiles>");
        pom(root.resolve("a"), "<modules><module>../d</module></modules>");
        pom(root.resolve("b"), "");
        pom(root.resolve("d"), "");

        ReactorLayout layout = ReactorLayout.read(root);

        assertThat(layout.poms())
                .containsExactly(
                        root.resolve("pom.xml"),
                        root.resolve("a/pom.xml"),
                        root.resolve("d/pom.xml"),
                        root.resolve("b/pom.xml"));
    }

    @Test
    void theFingerprintChangesWhenAModulePomChanges() throws Exception {
        pom(root, "<modules><module>a</module></modules>");
        pom(root.resolve("a"), "");
        String before = ReactorLayout.read(root).fingerprint();
        assertThat(ReactorLayout.read(root).fingerprint()).isEqualTo(before);

        pom(root.resolve("a"), "<!-- changed -->");

        assertThat(ReactorLayout.read(root).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void aMissingModuleOrABrokenPomIsOneClearError() throws Exception {
        pom(root, "<modules><module>gone</module></modules>");
        assertThatThrownBy(() -> ReactorLayout.read(root))
                .isInstanceOf(MavenException.class)
                .hasMessage("no pom at " + root.resolve("gone/pom.xml") + " (named in <modules> of the parent pom)");

        Files.writeString(root.resolve("pom.xml"), "<project>\n<modules>");
        assertThatThrownBy(() -> ReactorLayout.read(root))
                .isInstanceOf(MavenException.class)
                .hasMessageStartingWith(root.resolve("pom.xml") + ":2: not a well-formed pom");
    }

    private static void pom(Path dir, String body) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), "<project><artifactId>x</artifactId>" + body + "</project>");
    }

    @Test
    void aModuleBuildsFromTheTopmostReactorThatListsIt() throws Exception {
        pom(root, "<modules><module>services</module></modules>");
        pom(root.resolve("services"), "<modules><module>api</module></modules>");
        pom(root.resolve("services/api"), "");
        pom(root.resolve("services/api/unlisted"), "");

        assertThat(ReactorLayout.enclosingReactor(root.resolve("services/api"))).isEqualTo(root);
        assertThat(ReactorLayout.enclosingReactor(root)).isEqualTo(root);
        assertThat(ReactorLayout.enclosingReactor(root.resolve("services/api/unlisted")))
                .isEqualTo(root.resolve("services/api/unlisted"));
    }
}
