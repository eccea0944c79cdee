package org.socketstage.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Work the launcher starts while the toolkit starts (the lessons, the window's model), and its result taken later. */
final class EarlyWork {

    private EarlyWork() {}

    /** Runs {@code work} on a daemon thread of that name. */
    static <T> CompletableFuture<T> start(String threadName, Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Waits for the result; a failure is thrown as itself, as if the caller had done the work. */
    static <T> T take(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
