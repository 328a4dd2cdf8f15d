package org.testr4j.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a run's workers run: the first signal stops the run ({@code
 * stop}: drop what arrives from now on, kill the workers) and the command goes on to keep the
 * partial run and print its summary, then exits {@link ExitCode#INTERRUPTED} or {@link
 * ExitCode#TERMINATED}; a second signal exits at once, killing whatever this process started.
 *
 * <p>The handlers are {@code sun.misc.Signal}'s (module {@code jdk.unsupported}, in every JDK since
 * 9), reached by reflection: compiled against directly, that API draws a warning no annotation
 * silences, and the build allows none. A signal the process was started ignoring ({@code nohup},
 * a background job) stays ignored, as the JVM's own handlers leave it. {@link #close()} puts the
 * JVM's handlers back, so a signal after the workers have ended exits as usual.
 *
 * <pre>{@code
 * try (RunInterruption interruption = RunInterruption.install("testr run", err, pool::cancel)) {
 *     pool.run(template, partitions, sink);
 * }
 * if (interruption.interrupted()) return interruption.exitCode();
 * }</pre>
 */
final class RunInterruption implements AutoCloseable {
    /** The signals handled, by their names without {@code SIG}. */
    static final List<String> SIGNALS = List.of("INT", "TERM");

    private final String name;
    private final PrintWriter err;
    private final Runnable stop;
    private final IntConsumer exitAtOnce;
    private final List<Runnable> restore = new ArrayList<>();
    private String signal; // guarded by this: the first signal, null until one came

    /**
     * @param name the command, {@code testr run}, in front of its messages
     * @param stop stops the run; called once, on the signal's thread
     * @param exitAtOnce ends the process with the given status, on a second signal
     */
    RunInterruption(String name, PrintWriter err, Runnable stop, IntConsumer exitAtOnce) {
        this.name = name;
        this.err = err;
        this.stop = stop;
        this.exitAtOnce = exitAtOnce;
    }

    /** Handles SIGINT and SIGTERM from now until {@link #close()}; a second signal halts the JVM. */
    static RunInterruption install(String name, PrintWriter err, Runnable stop) {
        RunInterruption interruption = new RunInterruption(name, err, stop, RunInterruption::killEverythingAndHalt);
        for (String signal : SIGNALS) {
            interruption.handle(signal);
        }
        return interruption;
    }

    /** What a signal does: stops the run the first time, exits at once the second. */
    void signalled(String signalName) {
        boolean first;
        synchronized (this) {
            first = signal == null;
            if (first) {
                signal = signalName;
            }
        }
        if (first) {
            stop.run(); // first: it takes the live status off a terminal, so this message does not garble it
            err.println(name + ": interrupted (SIG" + signalName + "): stopping the workers and keeping the partial"
                    + " run; interrupt again to exit at once");
            err.flush();
        } else {
            err.println(name + ": interrupted again (SIG" + signalName + "): exiting at once");
            err.flush();
            exitAtOnce.accept(exitCode(signalName));
        }
    }

    /** True once a signal stopped the run. */
    synchronized boolean interrupted() {
        return signal != null;
    }

    /** The first signal's name, {@code INT} or {@code TERM}; {@code null} when none came. */
    synchronized String signal() {
        return signal;
    }

    /** The exit code the first signal asks for: 128 plus its number, as a shell reports a killed command. */
    synchronized int exitCode() {
        return signal == null ? ExitCode.OK : exitCode(signal);
    }

    private static int exitCode(String signal) {
        return signal.equals("TERM") ? ExitCode.TERMINATED : ExitCode.INTERRUPTED;
    }

    /** Puts back the handlers that were there before. */
    @Override
    public void close() {
        for (int i = restore.size() - 1; i >= 0; i--) {
            restore.get(i).run();
        }
        restore.clear();
    }

    private void handle(String signalName) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object sig = signalClass.getConstructor(String.class).newInstance(signalName);
            Object handler = Proxy.newProxyInstance(
                    RunInterruption.class.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "handle":
                                signalled(signalName);
                                return null;
                            case "equals":
                                return proxy == args[0];
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            default:
                                return name + " SIG" + signalName + " handler";
                        }
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object previous = handle.invoke(null, sig, handler);
            restore.add(() -> {
                try {
                    handle.invoke(null, sig, previous);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot restore the SIG" + signalName + " handler: " + e, e);
                }
            });
        } catch (InvocationTargetException e) {
            // IllegalArgumentException: the JVM keeps this signal for itself (-Xrs, or no such signal on
            // this system); the default stays, which ends the run without its summary
        } catch (ReflectiveOperationException e) {
            // a JDK without sun.misc.Signal: the same
        }
    }

    private static void killEverythingAndHalt(int status) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(status);
    }
}
