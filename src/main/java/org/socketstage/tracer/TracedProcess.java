package org.socketstage.tracer;

/** One process of the traced program (the program itself, or a child it forked), with its descriptors. */
final class TracedProcess {

    final int tgid;
    final FdTable fds;
    final boolean main;
    /** Its start was shown (a server forking a worker); a helper forked before any socket existed is not. */
    boolean announced;
    int liveTasks;
    WaitStatus leaderStatus;

    TracedProcess(int tgid, FdTable fds, boolean main) {
        this.tgid = tgid;
        this.fds = fds;
        this.main = main;
    }
}
