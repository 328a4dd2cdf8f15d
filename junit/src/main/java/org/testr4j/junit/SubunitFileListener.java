package org.testr4j.junit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes any JUnit Platform run as a subunit v2 file, for builds that keep their own runner
 * (Surefire, Gradle): registered as a service, it stays inert unless the system property {@code
 * testr4j.subunit.file} or the environment variable {@code TESTR4J_SUBUNIT_FILE} names a target.
 *
 * <p>A target that is a directory (or ends with {@code /}) receives {@code <pid>-<millis>.subunit},
 * so parallel forks and workers never collide; any other target is the file itself, written afresh
 * by the first run in the JVM and appended to by later ones. Ids and events are the {@link
 * JUnitWorker}'s; output is not captured (the build does that). It keeps quiet inside a worker.
 *
 * <pre>{@code
 * mvn test -DargLine=-Dtestr4j.subunit.file=target/subunit/   # then: testr load target/subunit/*.subunit
 * }</pre>
 */
public final class SubunitFileListener implements TestExecutionListener {
    static final String PROPERTY = "testr4j.subunit.file";
    static final String ENVIRONMENT = "TESTR4J_SUBUNIT_FILE";

    /** Named files this JVM has started writing: later runs append to them. */
    private static final Set<Path> STARTED_FILES = ConcurrentHashMap.newKeySet();

    private final String target;
    private final Clock clock;
    private OutputStream file;
    private SubunitListener events;

    /** The listener the launcher loads: the target comes from the property or the environment. */
    public SubunitFileListener() {
        this(configuredTarget(System.getProperty(PROPERTY), System.getenv()), Clock.systemUTC());
    }

    SubunitFileListener(String target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    /** The property's value, else the environment's, else null. */
    static String configuredTarget(String property, Map<String, String> environment) {
        if (property != null && !property.isBlank()) {
            return property;
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : null;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        if (events == null && target != null && System.getProperty(JUnitWorker.RUNNING_PROPERTY) == null) {
            try {
                file = open(target);
            } catch (IOException e) {
                throw new UncheckedIOException(PROPERTY + "=" + target + ": cannot write the subunit file: " + e, e);
            }
            events = new SubunitListener(
                    new TestIds(""), new ResultWriter(file), clock, Set.of(), SubunitListener.Progress.NONE);
        }
        if (events != null) {
            events.testPlanExecutionStarted(testPlan);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        OutputStream written = file;
        if (written != null) {
            try {
                written.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing the subunit file " + target + ": " + e, e);
            }
        }
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier identifier) {
        SubunitListener to = events;
        if (to != null) {
            to.dynamicTestRegistered(identifier);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        SubunitListener to = events;
        if (to != null) {
            to.executionSkipped(identifier, reason);
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        SubunitListener to = events;
        if (to != null) {
            to.executionStarted(identifier);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        SubunitListener to = events;
        if (to != null) {
            to.executionFinished(identifier, result);
        }
    }

    /** The file {@code target} names, created: a new one in it when it is a directory. */
    static OutputStream open(String target) throws IOException {
        Path path = Path.of(target);
        if (target.endsWith("/") || Files.isDirectory(path)) {
            Files.createDirectories(path);
            String stem = ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
            for (int n = 1; ; n++) {
                Path candidate = path.resolve(n == 1 ? stem + ".subunit" : stem + "-" + n + ".subunit");
                try {
                    return Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    // another listener in this JVM took the name within the same millisecond: next one
                }
            }
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean first = STARTED_FILES.add(path.toAbsolutePath().normalize());
        return Files.newOutputStream(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
    }
}
