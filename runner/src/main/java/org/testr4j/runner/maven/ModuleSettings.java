package org.testr4j.runner.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What testr needs from one module's effective pom to run its tests as Surefire would.
 *
 * <pre>{@code
 * ModuleSettings core = EffectivePom.read(file).get(0);
 * core.testClasses(); // /p/core/target/test-classes
 * core.argLine();     // "-Xmx1g" as Surefire's argLine, late @{...} references replaced
 * }</pre>
 *
 * @param artifactId the module's artifactId, which prefixes its test ids in a reactor
 * @param packaging {@code jar}, {@code pom}, ...
 * @param baseDir the module's directory, where its tests run (Surefire's default working directory)
 * @param classes {@code target/classes}
 * @param testClasses {@code target/test-classes}
 * @param buildDir {@code target}
 * @param argLine Surefire's {@code argLine}, or empty
 * @param includes Surefire's {@code includes}, empty for its defaults
 * @param excludes Surefire's {@code excludes}, empty for its defaults
 * @param systemProperties Surefire's {@code systemPropertyVariables}
 * @param skipped Surefire skips this module's tests ({@code skip}, {@code skipTests}, {@code maven.test.skip})
 */
public record ModuleSettings(
        String artifactId,
        String packaging,
        Path baseDir,
        Path classes,
        Path testClasses,
        Path buildDir,
        String argLine,
        List<String> includes,
        List<String> excludes,
        Map<String, String> systemProperties,
        boolean skipped) {
    public ModuleSettings {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        systemProperties = Map.copyOf(systemProperties);
    }
}
