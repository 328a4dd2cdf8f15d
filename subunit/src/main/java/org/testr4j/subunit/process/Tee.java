package org.testr4j.subunit.process;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Copies every call to several sinks, in the order given, and keeps going when one of them throws.
 *
 * <p>A sink that throws gets no more events, but the others do, so one broken report does not
 * lose the rest. It still gets {@code stopRun}, to release what it holds. At {@code stopRun} the
 * first failure is rethrown with every later one (including failures in {@code stopRun} itself)
 * added as suppressed: nothing is lost and nothing is silent. A {@link VirtualMachineError} (out
 * of memory, stack overflow) is rethrown at once, as JUnit's composite listener does: carrying on
 * after one is not safe.
 *
 * <pre>{@code
 * StreamResult both = new Tee(List.of(PacketWriter.to(file), summary));
 * PacketReader.lenient(in).readAll(both); // file and summary see every event
 * }</pre>
 */
public final class Tee implements StreamResult {
    private final List<StreamResult> sinks;
    private final boolean[] failed;
    private RuntimeException firstRuntime;
    private Error firstError;

    /** @param sinks each gets every call, in this order; at least one */
    public Tee(List<? extends StreamResult> sinks) {
        this.sinks = List.copyOf(sinks);
        if (this.sinks.isEmpty()) {
            throw new IllegalArgumentException("a tee needs at least one sink");
        }
        this.failed = new boolean[this.sinks.size()];
    }

    @Override
    public void startRun() {
        forEachWorkingSink(StreamResult::startRun);
    }

    @Override
    public void status(Event event) {
        Objects.requireNonNull(event, "event");
        forEachWorkingSink(sink -> sink.status(event));
    }

    @Override
    public void stopRun() {
        for (int i = 0; i < sinks.size(); i++) {
            try {
                sinks.get(i).stopRun();
            } catch (RuntimeException | Error e) {
                record(i, e);
            }
        }
        rethrowFirstFailure();
    }

    private void forEachWorkingSink(Consumer<StreamResult> call) {
        for (int i = 0; i < sinks.size(); i++) {
            if (failed[i]) {
                continue;
            }
            try {
                call.accept(sinks.get(i));
            } catch (RuntimeException | Error e) {
                record(i, e);
            }
        }
    }

    private void record(int sink, Throwable failure) {
        if (failure instanceof VirtualMachineError) {
            throw (VirtualMachineError) failure;
        }
        failed[sink] = true;
        Throwable first = firstRuntime != null ? firstRuntime : firstError;
        if (first == null) {
            if (failure instanceof RuntimeException) {
                firstRuntime = (RuntimeException) failure;
            } else {
                firstError = (Error) failure;
            }
        } else if (first != failure) {
            first.addSuppressed(failure);
        }
    }

    private void rethrowFirstFailure() {
        RuntimeException runtime = firstRuntime;
        Error error = firstError;
        firstRuntime = null;
        firstError = null;
        if (runtime != null) {
            throw runtime;
        }
        if (error != null) {
            throw error;
        }
    }
}
