package org.testr4j.subunit;

/**
 * A sink for a stream of test events: testtools' {@code StreamResult} with one value type.
 *
 * <p>Callers invoke {@link #startRun()} once, then {@link #status(Event)} once per event, then
 * {@link #stopRun()} once. Processors pass events on to the next sink; see {@code
 * org.testr4j.subunit.process}. Implementations are not thread-safe unless they say so; wrap one in
 * {@code Synchronized.of(sink)} to share it between producer threads.
 *
 * <pre>{@code
 * StreamResult printer = event -> System.out.println(event.testId() + " " + event.status());
 * PacketReader.lenient(System.in).readAll(printer);
 * }</pre>
 */
@FunctionalInterface
public interface StreamResult {
    /** Called once before the first event. */
    default void startRun() {}

    /** Called once per event, in stream order. */
    void status(Event event);

    /** Called once after the last event: flush, summarise, release. */
    default void stopRun() {}
}
