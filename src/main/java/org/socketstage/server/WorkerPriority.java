package org.socketstage.server;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.socketstage.socket.JnaQuickStart;
import org.socketstage.socket.Platform;

/**
 * How much the server's own threads (its accept loop and one thread per client) give way to the rest of the
 * process. In the window, a class flooding the server must not take the CPU from the window's FX thread: on a
 * 2-core machine fifty busy client threads at the same priority left it a few percent, so a close request waited
 * seconds. The window sets a positive niceness (Linux applies it per thread); the trace mode leaves it at 0.
 * The event spool's thread takes the same niceness: the server waits for it when it falls behind (no event is
 * dropped), so at the FX thread's priority it was the one busy thread under a flood that the window yielded to.
 * Where the call is not available, nothing changes and the server runs as before.
 */
public final class WorkerPriority {

    private static volatile int niceness;

    private WorkerPriority() {}

    /** 0 (default) to 19: added to the server threads' nice value from now on. */
    public static void set(int value) {
        if (value < 0 || value > 19) {
            throw new IllegalArgumentException("niceness 0 to 19, not " + value);
        }
        niceness = value;
    }

    public static int get() {
        return niceness;
    }

    /**
     * Lowers the calling thread's priority by the niceness set; call first thing in a server thread, or in a
     * thread the server waits for (the spool, which keeps every event: a flood must not outrun it either way).
     */
    public static void applyToCurrentThread() {
        int n = niceness;
        if (n == 0 || Platform.current() != Platform.LINUX) {
            return;
        }
        try {
            Linux.apply(n);
        } catch (LinkageError | RuntimeException e) {
            // no libc through JNA here: the thread keeps the process's priority
        }
    }

    /** Linux keeps a nice value per thread: setpriority(PRIO_PROCESS, tid, …) changes only this one. */
    private static final class Linux {
        private static final int PRIO_PROCESS = 0;
        private static final long SYS_GETTID = "aarch64".equals(System.getProperty("os.arch")) ? 178 : 186;

        /** Bound once, at the first server thread, after JNA's properties are set. */
        private static final C LIB = load();

        interface C extends Library {
            long syscall(long number);

            int getpriority(int which, int who);

            int setpriority(int which, int who, int prio);
        }

        private static C load() {
            JnaQuickStart.apply();
            return Native.load("c", C.class);
        }

        static void apply(int n) {
            int tid = (int) LIB.syscall(SYS_GETTID);
            int current = LIB.getpriority(PRIO_PROCESS, tid);
            LIB.setpriority(PRIO_PROCESS, tid, Math.min(19, current + n));
        }
    }
}
