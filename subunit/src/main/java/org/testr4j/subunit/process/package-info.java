/**
 * Stream processors: small sinks that each do one thing to a stream of events and pass it on.
 *
 * <p>Each processor takes its downstream sink in its constructor, checks its configuration there,
 * forwards {@code startRun} and {@code stopRun}, and never changes an event (it derives a new one).
 * None buffers unless buffering is its documented job ({@link
 * org.testr4j.subunit.process.TestAssembler}, {@link org.testr4j.subunit.process.TestFilter}), and
 * none is thread-safe on its own: {@link org.testr4j.subunit.process.Synchronized} and {@link
 * org.testr4j.subunit.process.Multiplexer} are where thread safety comes from. {@link
 * org.testr4j.subunit.process.Streams} builds pipelines in the order events flow.
 */
package org.testr4j.subunit.process;
