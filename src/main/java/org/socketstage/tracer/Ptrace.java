package org.socketstage.tracer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import org.socketstage.socket.JnaQuickStart;

/**
 * The few libc functions the tracer needs, bound directly (JNA direct mapping: the cheapest call JNA makes,
 * which matters because every system call of a traced program costs two stops). Pointers travel as plain
 * addresses ({@code long}) taken from JNA Memory blocks.
 *
 * <p>Every ptrace request for a tracee must come from the thread that seized it; only {@link TraceLoop}'s
 * thread calls {@link #ptrace}.
 */
final class Ptrace {

    static final int TRACEME = 0;
    static final int PEEKDATA = 2;
    static final int CONT = 7;
    static final int GETREGS = 12;
    static final int SETREGS = 13;
    static final int SYSCALL = 24;
    static final int GETEVENTMSG = 0x4201;
    static final int GETREGSET = 0x4204;
    static final int SETREGSET = 0x4205;
    static final int SEIZE = 0x4206;
    static final int LISTEN = 0x4208;

    static final int O_TRACESYSGOOD = 0x1;
    static final int O_TRACEFORK = 0x2;
    static final int O_TRACEVFORK = 0x4;
    static final int O_TRACECLONE = 0x8;
    static final int O_TRACEEXEC = 0x10;
    static final int O_EXITKILL = 0x100000;

    static final int EVENT_FORK = 1;
    static final int EVENT_VFORK = 2;
    static final int EVENT_CLONE = 3;
    static final int EVENT_EXEC = 4;
    static final int EVENT_STOP = 128;

    static final int WNOHANG = 1;
    static final int WNOTHREAD = 0x20000000;
    static final int WALL = 0x40000000;

    /** NT_PRSTATUS: the general registers, as PTRACE_GETREGSET names them. */
    static final int NT_PRSTATUS = 1;
    /** NT_ARM_SYSTEM_CALL: on aarch64 the system call number, which changing x8 at the entry stop does not change. */
    static final int NT_ARM_SYSTEM_CALL = 0x404;

    static {
        JnaQuickStart.apply();
        Native.register(Ptrace.class, NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME));
    }

    private Ptrace() {}

    static native long ptrace(long request, int pid, long addr, long data) throws LastErrorException;

    static native int waitpid(int pid, int[] status, int options) throws LastErrorException;

    static native int kill(int pid, int signal) throws LastErrorException;

    static native long process_vm_readv(int pid, long localIov, long localCount, long remoteIov, long remoteCount,
            long flags) throws LastErrorException;

    static native long getpid();
}
