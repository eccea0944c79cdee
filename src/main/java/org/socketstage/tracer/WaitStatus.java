package org.socketstage.tracer;

/** The status word waitpid() fills in, read the way the W* macros of sys/wait.h read it. */
record WaitStatus(int raw) {

    boolean exited() {
        return (raw & 0x7f) == 0;
    }

    int exitCode() {
        return (raw >> 8) & 0xff;
    }

    boolean signaled() {
        int low = raw & 0x7f;
        return low != 0 && low != 0x7f;
    }

    int termSignal() {
        return raw & 0x7f;
    }

    boolean stopped() {
        return (raw & 0xff) == 0x7f;
    }

    int stopSignal() {
        return (raw >> 8) & 0xff;
    }

    /** A ptrace event (PTRACE_EVENT_FORK, …) reported by this stop, or 0. */
    int event() {
        return raw >>> 16;
    }

    /** With PTRACE_O_TRACESYSGOOD, a system-call stop reports SIGTRAP with bit 0x80 set. */
    boolean syscallStop() {
        return stopped() && stopSignal() == (Signals.SIGTRAP | 0x80);
    }
}
