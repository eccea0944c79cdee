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
 *
 * <p>The server's own threads also run in Linux's idle class ({@code SCHED_IDLE}): a thread of any other program,
 * or of the app, that wakes up takes the CPU from them at once. A nice value orders threads only within the app's
 * own scheduling group (a desktop session's programs are in groups of their own), so under a flood the X server,
 * which draws the window's frames, waited for the CPU for up to 230 ms at a time behind the niced server threads;
 * in the idle class it waits a quarter as long in all. Between groups they still get their group's share, so the
 * server keeps serving.
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
     * Lowers the calling thread's priority by the niceness set; call first thing in a thread the server waits for
     * (the spool, which keeps every event: a flood must not outrun it either way).
     */
    public static void applyToCurrentThread() {
        apply(false);
    }

    /**
     * As {@link #applyToCurrentThread()}, and with a niceness set also the idle class: call first thing in the
     * server's own threads (its accept loop, each client's thread). Threads they start inherit both.
     */
    public static void applyToServerThread() {
        apply(true);
    }

    private static void apply(boolean idleClass) {
        int n = niceness;
        if (n == 0 || Platform.current() != Platform.LINUX) {
            return;
        }
        try {
            Linux.apply(n, idleClass);
        } catch (LinkageError | RuntimeException e) {
            // no libc through JNA here: the thread keeps the process's priority
        }
    }

    /** Linux keeps a nice value per thread: setpriority(PRIO_PROCESS, tid, …) changes only this one. */
    private static final class Linux {
        private static final int PRIO_PROCESS = 0;
        private static final int SCHED_IDLE = 5;
        private static final long SYS_GETTID = "aarch64".equals(System.getProperty("os.arch")) ? 178 : 186;

        /** Bound once, at the first server thread, after JNA's properties are set. */
        private static final C LIB = load();

        interface C extends Library {
            long syscall(long number);

            int getpriority(int which, int who);

            int setpriority(int which, int who, int prio);

            /** {@code param} is a struct sched_param: one int, the static priority (0 for SCHED_IDLE). */
            int sched_setscheduler(int pid, int policy, int[] param);
        }

        private static C load() {
            JnaQuickStart.apply();
            return Native.load("c", C.class);
        }

        static void apply(int n, boolean idleClass) {
            int tid = (int) LIB.syscall(SYS_GETTID);
            int current = LIB.getpriority(PRIO_PROCESS, tid);
            LIB.setpriority(PRIO_PROCESS, tid, Math.min(19, current + n));
            if (idleClass) {
                LIB.sched_setscheduler(tid, SCHED_IDLE, new int[] {0}); // lowering needs no privilege
            }
        }
    }
}
