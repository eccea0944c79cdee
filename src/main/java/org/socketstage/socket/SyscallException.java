package org.socketstage.socket;

/**
 * A system call returned -1. Carries the errno; {@code simulated} is true when SocketStage failed the call
 * on purpose (a fault the operating system cannot safely produce), so that every view can label it.
 */
public final class SyscallException extends Exception {

    private final String call;
    private final Errno errno;
    private final boolean simulated;
    private final String note;

    public SyscallException(String call, Errno errno) {
        this(call, errno, false, null);
    }

    public SyscallException(String call, Errno errno, boolean simulated, String note) {
        super(call + ": " + errno.straceText() + (simulated ? " [simulated]" : ""));
        this.call = call;
        this.errno = errno;
        this.simulated = simulated;
        this.note = note;
    }

    public static SyscallException simulated(String call, Errno errno, String note) {
        return new SyscallException(call, errno, true, note);
    }

    public String call() {
        return call;
    }

    public Errno errno() {
        return errno;
    }

    public boolean simulated() {
        return simulated;
    }

    /** Extra honest detail, e.g. that a java.nio backend derived the errno from an exception text. */
    public String note() {
        return note;
    }

    public boolean is(String errnoName) {
        return errno.name().equals(errnoName);
    }
}
