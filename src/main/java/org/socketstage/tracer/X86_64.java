package org.socketstage.tracer;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * x86_64: PTRACE_GETREGS fills {@code struct user_regs_struct}; orig_rax holds the call number, rdi, rsi,
 * rdx, r10, r8, r9 the arguments and rax the result. At an entry stop the kernel has put -ENOSYS in rax.
 */
final class X86_64 implements Arch {

    private static final int REGS_SIZE = 27 * 8;
    private static final int R10 = 7;
    private static final int R9 = 8;
    private static final int R8 = 9;
    private static final int RAX = 10;
    private static final int RDX = 12;
    private static final int RSI = 13;
    private static final int RDI = 14;
    private static final int ORIG_RAX = 15;
    private static final int[] ARG_REGS = {RDI, RSI, RDX, R10, R8, R9};
    private static final long ENOSYS = 38;

    private static final SyscallTable TABLE = new SyscallTable()
            .put(0, Syscall.READ).put(1, Syscall.WRITE).put(3, Syscall.CLOSE).put(7, Syscall.POLL)
            .put(19, Syscall.READV).put(20, Syscall.WRITEV).put(23, Syscall.SELECT).put(32, Syscall.DUP)
            .put(33, Syscall.DUP2).put(41, Syscall.SOCKET).put(42, Syscall.CONNECT).put(43, Syscall.ACCEPT)
            .put(44, Syscall.SENDTO).put(45, Syscall.RECVFROM).put(46, Syscall.SENDMSG).put(47, Syscall.RECVMSG)
            .put(48, Syscall.SHUTDOWN).put(49, Syscall.BIND).put(50, Syscall.LISTEN).put(51, Syscall.GETSOCKNAME)
            .put(54, Syscall.SETSOCKOPT).put(55, Syscall.GETSOCKOPT).put(56, Syscall.CLONE).put(57, Syscall.FORK)
            .put(58, Syscall.VFORK).put(59, Syscall.EXECVE).put(60, Syscall.EXIT).put(72, Syscall.FCNTL)
            .put(231, Syscall.EXIT_GROUP).put(232, Syscall.EPOLL_WAIT).put(270, Syscall.PSELECT6)
            .put(271, Syscall.PPOLL).put(281, Syscall.EPOLL_PWAIT).put(288, Syscall.ACCEPT4).put(292, Syscall.DUP3)
            .put(322, Syscall.EXECVEAT).put(435, Syscall.CLONE3).put(436, Syscall.CLOSE_RANGE)
            .put(441, Syscall.EPOLL_PWAIT2);

    private final Memory regs = new Memory(REGS_SIZE);

    @Override
    public String name() {
        return "x86_64";
    }

    @Override
    public int elfMachine() {
        return 62;
    }

    @Override
    public Syscall syscall(long number) {
        return TABLE.get(number);
    }

    @Override
    public SyscallRegs read(int tid) {
        load(tid);
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = reg(ARG_REGS[i]);
        }
        long rax = reg(RAX);
        return new SyscallRegs(reg(ORIG_RAX), args, rax, rax == -ENOSYS);
    }

    @Override
    public boolean exactDirection() {
        return false;
    }

    @Override
    public void skipCall(int tid) {
        change(tid, ORIG_RAX, -1);
    }

    @Override
    public void setResult(int tid, long value) {
        change(tid, RAX, value);
    }

    @Override
    public void setArg(int tid, int index, long value) {
        change(tid, ARG_REGS[index], value);
    }

    private void change(int tid, int index, long value) {
        load(tid);
        regs.setLong(index * 8L, value);
        Ptrace.ptrace(Ptrace.SETREGS, tid, 0, Pointer.nativeValue(regs));
    }

    private void load(int tid) {
        Ptrace.ptrace(Ptrace.GETREGS, tid, 0, Pointer.nativeValue(regs));
    }

    private long reg(int index) {
        return regs.getLong(index * 8L);
    }
}
