package org.socketstage.client;

/**
 * Keeps "a descriptor number is handed out" and "it is given back" in event order. The kernel reuses a closed
 * fd number at once; without this lock client A could close fd 7, client B's socket() get 7 and publish it, and
 * only then A publish its close(7) — and a reader keyed by fd would close B's card.
 */
final class FdLifecycle {

    private static final Object LOCK = new Object();

    private FdLifecycle() {}

    /** Runs a socket() or close() together with publishing its result. Both are quick, non-blocking calls. */
    static void exclusive(Runnable callAndPublish) {
        synchronized (LOCK) {
            callAndPublish.run();
        }
    }
}
