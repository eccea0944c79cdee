package org.socketstage.tracer;

import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/**
 * One system call of a traced program between its entry and exit stops: what was decoded at the entry
 * (and must be read then, since the memory changes once the call runs) and what the tracer did to it.
 */
final class TracedCall {

    final Task task;
    final Syscall syscall;
    final long[] args;
    /** Shown as events; the others are followed only to keep the descriptor table right. */
    final boolean shown;
    final Step stage;
    final Actor actor;
    final CallArgs entryArgs;
    /** What the fd argument was at the entry, for calls on a descriptor. */
    OpenFd fdInfo;
    /** send/write: the bytes offered, read at the entry. */
    byte[] outData;
    /** bind/connect: the address passed. */
    SocketAddress address;
    /** Set when the tracer skipped the call and gives it this error. */
    Errno injected;
    /** Set when the tracer lowered a send's length: the length the program asked for. */
    long askedLength = -1;
    /** The call was skipped because the program is being stopped; nothing is reported for it. */
    boolean suppressed;
    long resumedNanos;
    /** A write to the program's standard output or error: "stdout" or "stderr", else null. */
    String outputStream;

    TracedCall(Task task, Syscall syscall, long[] args, boolean shown, Step stage, Actor actor, CallArgs entryArgs) {
        this.task = task;
        this.syscall = syscall;
        this.args = args;
        this.shown = shown;
        this.stage = stage;
        this.actor = actor;
        this.entryArgs = entryArgs;
    }

    int fd() {
        return (int) args[0];
    }

    String name() {
        return syscall.callName();
    }

    /** A call held at the gate: not getsockname, which the program makes for itself after bind. */
    boolean gated() {
        return shown && syscall != Syscall.GETSOCKNAME;
    }

    /** send() and write() carry their length in the third argument, which the tracer can lower. */
    boolean canShorten() {
        return (syscall == Syscall.SENDTO || syscall == Syscall.WRITE) && args[2] >= 2;
    }
}
