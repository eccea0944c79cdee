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
}
