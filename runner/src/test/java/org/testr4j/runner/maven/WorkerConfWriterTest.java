package org.testr4j.runner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.TestrConf;

class WorkerConfWriterTest {
    @TempDir
    Path root;

    @Test
    void aSingleModuleRunsTheWorkerInItsDirectoryWithAnArgumentFile() throws Exception {
        ModuleTests solo = module("solo", "", "-Xmx64m", Map.of("k", "a \"quoted\" 100%"));

        Path file = new WorkerConfWriter(root, root.resolve("state"), Path.of("/jdk/bin/java")).write(List.of(solo));
        TestrConf conf = TestrConf.read(file);

        assertThat(conf.testCommand())
                .isEqualTo("cd '/p/solo' && exec '/jdk/bin/java' '@" + root.resolve("state/solo.args") + "' "
                        + WorkerConfWriter.WORKER_CLASS + " --scan '/p/solo/target/test-classes'"
                        + " --include '**/*Check.java' $LISTOPT $IDOPTION");
        assertThat(conf.commandTemplate(List.of()).canList()).isTrue();
        assertThat(conf.commandTemplate(List.of()).canFeed()).isTrue();
        assertThat(conf.groupSplit()).isTrue();
        assertThat(Files.readString(root.resolve("state/solo.args")))
                .isEqualTo("-Xmx64m\n\"-Dk=a \\\"quoted\\\" 100%\"\n-cp\n\"/p/solo/target/test-classes:/lib/x.jar\"\n");
    }

    @Test
    void aReactorRunsAScriptThatHandsEachModuleItsIds() throws Exception {
        Path file = new WorkerConfWriter(root, root.resolve("state"), Path.of("/jdk/bin/java"))
                .write(List.of(module("a", "a:", "", Map.of()), module("b", "b:", "", Map.of())));

        TestrConf conf = TestrConf.read(file);
        assertThat(conf.testCommand())
                .isEqualTo("sh '" + root.resolve("state/reactor-worker.sh") + "' $LISTOPT $IDOPTION");
        String script = Files.readString(root.resolve("state/reactor-worker.sh"));
        assertThat(script)
                .contains("cat \"$2\" > \"$all\"", "awk -v p='a:' 'index($0, p) == 1' \"$all\"", "--prefix 'b:'");
    }

    @Test
    void testsOfOneClassFormAGroup() {
        Pattern group = Pattern.compile(WorkerConfWriter.GROUP_BY_CLASS);
        assertThat(match(group, "com.example.FooTest.adds")).isEqualTo("com.example.FooTest");
        assertThat(match(group, "core:com.example.FooTest$Inner.adds(int, int)[2]"))
                .isEqualTo("core:com.example.FooTest$Inner");
        assertThat(match(group, "com.example.FooTest.adds(String[], java.util.List)"))
                .isEqualTo("com.example.FooTest");
    }

    @Test
    void quotingSurvivesQuotes() {
        assertThat(WorkerConfWriter.quote("it's")).isEqualTo("'it'\\''s'");
    }

    private static String match(Pattern p, String id) {
        var m = p.matcher(id);
        return m.lookingAt() ? m.group() : null;
    }

    static ModuleTests module(String name, String prefix, String argLine, Map<String, String> props) {
        Path base = Path.of("/p", name);
        ModuleSettings s = new ModuleSettings(
                name,
                "jar",
                base,
                base.resolve("target/classes"),
                base.resolve("target/test-classes"),
                base.resolve("target"),
                argLine,
                List.of("**/*Check.java"),
                List.of(),
                props,
                false);
        return new ModuleTests(s, List.of(base.resolve("target/test-classes"), Path.of("/lib/x.jar")), prefix);
    }
}
