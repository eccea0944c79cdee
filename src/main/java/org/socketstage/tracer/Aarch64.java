package org.socketstage.tracer;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * aarch64, written to the same interface but not yet run on such a machine. PTRACE_GETREGSET with
 * NT_PRSTATUS gives {@code struct user_pt_regs} (x0–x30, sp, pc, pstate): x8 holds the call number, x0–x5 the
 * arguments, and x0 the result at the exit stop (so the arguments must be kept from the entry stop). The
 * kernel sets x7 to 0 at an entry stop and 1 at an exit stop. Changing x8 does not change the call: the
 * number is set through the NT_ARM_SYSTEM_CALL register set.
 */
final class Aarch64 implements Arch {

    private static final int REGS_SIZE = 34 * 8;
    private static final int X7 = 7;
    private static final int X8 = 8;

    private static final SyscallTable TABLE = new SyscallTable()
            .put(22, Syscall.EPOLL_PWAIT).put(23, Syscall.DUP).put(24, Syscall.DUP3).put(25, Syscall.FCNTL)
            .put(57, Syscall.CLOSE).put(63, Syscall.READ).put(64, Syscall.WRITE).put(65, Syscall.READV)
            .put(66, Syscall.WRITEV).put(72, Syscall.PSELECT6).put(73, Syscall.PPOLL).put(93, Syscall.EXIT)
            .put(94, Syscall.EXIT_GROUP).put(198, Syscall.SOCKET).put(200, Syscall.BIND).put(201, Syscall.LISTEN)
            .put(202, Syscall.ACCEPT).put(203, Syscall.CONNECT).put(204, Syscall.GETSOCKNAME)
            .put(206, Syscall.SENDTO).put(207, Syscall.RECVFROM).put(208, Syscall.SETSOCKOPT)
            .put(209, Syscall.GETSOCKOPT).put(210, Syscall.SHUTDOWN).put(211, Syscall.SENDMSG)
            .put(212, Syscall.RECVMSG).put(220, Syscall.CLONE).put(221, Syscall.EXECVE).put(242, Syscall.ACCEPT4)
            .put(281, Syscall.EXECVEAT).put(435, Syscall.CLONE3).put(436, Syscall.CLOSE_RANGE)
            .put(441, Syscall.EPOLL_PWAIT2);

    private final Memory regs = new Memory(REGS_SIZE);
    private final Memory iovec = new Memory(16);
    private final Memory number = new Memory(4);

    @Override
    public String name() {
        return "aarch64";
    }

    @Override
    public int elfMachine() {
        return 183;
    }

    @Override
    public Syscall syscall(long nr) {
        return TABLE.get(nr);
    }

    @Override
    public SyscallRegs read(int tid) {
        regset(Ptrace.GETREGSET, tid, Ptrace.NT_PRSTATUS, regs, REGS_SIZE);
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = reg(i);
        }
        return new SyscallRegs(reg(X8), args, reg(0), reg(X7) == 0);
    }

    @Override
    public boolean exactDirection() {
        return true;
    }

    @Override
    public void skipCall(int tid) {
        number.setInt(0, -1);
        regset(Ptrace.SETREGSET, tid, Ptrace.NT_ARM_SYSTEM_CALL, number, 4);
    }

    @Override
    public void setResult(int tid, long value) {
        change(tid, 0, value);
    }

    @Override
    public void setArg(int tid, int index, long value) {
        change(tid, index, value);
    }

    private void change(int tid, int index, long value) {
        regset(Ptrace.GETREGSET, tid, Ptrace.NT_PRSTATUS, regs, REGS_SIZE);
        regs.setLong(index * 8L, value);
        regset(Ptrace.SETREGSET, tid, Ptrace.NT_PRSTATUS, regs, REGS_SIZE);
    }

    private void regset(int request, int tid, int type, Memory buffer, int size) {
        iovec.setLong(0, Pointer.nativeValue(buffer));
        iovec.setLong(8, size);
        Ptrace.ptrace(request, tid, type, Pointer.nativeValue(iovec));
    }

    private long reg(int index) {
        return regs.getLong(index * 8L);
    }
}
