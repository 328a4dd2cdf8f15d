/**
 * The JUnit Platform worker and listener: they run inside the project's test JVM, on its own JUnit
 * Platform launcher, and write subunit v2.
 *
 * <p>{@link org.testr4j.junit.JUnitWorker} lists tests, runs the ids it is given or fed, captures each
 * test's output and writes the stream to the real standard output; {@link
 * org.testr4j.junit.SubunitFileListener} writes the same events to a file from any existing build
 * (Surefire, Gradle). Both name tests with {@code TestIds} and report them with {@code
 * SubunitListener}. The package depends on the subunit module and on JUnit Platform API present from
 * platform 1.8 to 6.x only.
 */
package org.testr4j.junit;
