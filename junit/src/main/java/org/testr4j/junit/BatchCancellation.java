package org.testr4j.junit;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * The JUnit Platform's cancellation of a running execution (platform 6.0 and later: a {@code
 * CancellationToken} on a {@code LauncherExecutionRequest}), reached by reflection so that the
 * worker still runs on platform 1.10 to 1.14, where it does not exist and batches simply run to
 * their end. A cancelled execution finishes the test that is running and skips the rest.
 *
 * <pre>{@code
 * BatchCancellation.available().ifPresent(c -> {
 *     BatchCancellation.Token token = c.newToken();
 *     c.execute(launcher, request, listener, token); // another thread may call token.cancel()
 * });
 * }</pre>
 */
final class BatchCancellation {
    private final Method create;
    private final Method cancel;
    private final Method requested;
    private final Method builderOf;
    private final Method listeners;
    private final Method withToken;
    private final Method build;
    private final Method execute;

    /** One execution's token. */
    final class Token {
        private final Object token;

        private Token(Object token) {
            this.token = token;
        }

        /** Asks the execution to stop after the test that is running; safe from any thread. */
        void cancel() {
            invoke(BatchCancellation.this.cancel, token);
        }

        boolean cancelled() {
            return (Boolean) invoke(requested, token);
        }
    }

    private BatchCancellation(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> tokenType = Class.forName("org.junit.platform.engine.CancellationToken", true, loader);
        Class<?> builderType =
                Class.forName("org.junit.platform.launcher.core.LauncherExecutionRequestBuilder", true, loader);
        Class<?> requestType = Class.forName("org.junit.platform.launcher.LauncherExecutionRequest", true, loader);
        create = tokenType.getMethod("create");
        cancel = tokenType.getMethod("cancel");
        requested = tokenType.getMethod("isCancellationRequested");
        builderOf = builderType.getMethod("executionRequest", LauncherDiscoveryRequest.class);
        listeners = builderType.getMethod("listeners", TestExecutionListener[].class);
        withToken = builderType.getMethod("cancellationToken", tokenType);
        build = builderType.getMethod("build");
        execute = Launcher.class.getMethod("execute", requestType);
    }

    /** Cancellation, when the platform on the classpath has it. */
    static Optional<BatchCancellation> available() {
        try {
            return Optional.of(new BatchCancellation(Launcher.class.getClassLoader()));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty(); // platform 1.x: batches run to their end
        }
    }

    Token newToken() {
        return new Token(invoke(create, null));
    }

    /** Runs {@code request} with {@code listener} until it ends or {@code token} is cancelled. */
    void execute(Launcher launcher, LauncherDiscoveryRequest request, TestExecutionListener listener, Token token) {
        Object array = Array.newInstance(TestExecutionListener.class, 1);
        Array.set(array, 0, listener);
        Object builder = invoke(builderOf, null, request);
        invoke(listeners, builder, array);
        invoke(withToken, builder, token.token);
        invoke(execute, launcher, invoke(build, builder));
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the platform's cancellation API is not accessible", e);
        }
    }
}
