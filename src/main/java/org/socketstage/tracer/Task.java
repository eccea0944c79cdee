package org.socketstage.tracer;

/** One traced thread (a process's main thread is a task too), with where it is in its current system call. */
final class Task {

    final int tid;
    final TracedProcess process;
    /** Between an entry stop and its exit stop. */
    boolean inSyscall;
    /** The decoded call between its entry and exit stops, or null for calls the tracer does not follow. */
    TracedCall call;
    /** Left stopped at a call's entry while the step gate holds that call. */
    boolean parked;
    /** Its start was shown: a worker thread of a process that has sockets. */
    boolean announced;

    Task(int tid, TracedProcess process) {
        this.tid = tid;
        this.process = process;
    }

    int pid() {
        return process.tgid;
    }

    /** Lets the task run to its next system-call stop, delivering {@code signal} (0 for none). */
    void resume(int signal) {
        try {
            Ptrace.ptrace(Ptrace.SYSCALL, tid, 0, signal);
        } catch (com.sun.jna.LastErrorException e) {
            // it was killed while stopped; its exit is reported next
        }
    }

    /** Leaves the task in its group-stop (job control) until SIGCONT; it reports when that comes. */
    void listen() {
        try {
            Ptrace.ptrace(Ptrace.LISTEN, tid, 0, 0);
        } catch (com.sun.jna.LastErrorException e) {
            resume(0);
        }
    }
}
