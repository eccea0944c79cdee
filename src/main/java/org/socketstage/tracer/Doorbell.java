package org.socketstage.tracer;

import com.sun.jna.LastErrorException;

/**
 * Wakes the tracer thread while it blocks in waitpid(). A thread blocked in waitpid() wakes only when one of
 * its tracees changes state, and only the tracer thread may resume a tracee, so a call released at the step
 * gate (on another thread) must reach it somehow: the tracer also traces an idle process (a {@code sleep}
 * started next to the program), and ringing sends that process a signal, whose stop wakes waitpid().
 */
final class Doorbell {

    private final int pid;

    Doorbell(int pid) {
        this.pid = pid;
    }

    int pid() {
        return pid;
    }

    void ring() {
        try {
            Ptrace.kill(pid, Signals.SIGUSR1);
        } catch (LastErrorException e) {
            // already gone: the tracer is ending and reads its queue once more before it does
        }
    }
}
