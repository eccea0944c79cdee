package org.socketstage.tracer;

/** Number to call, for one architecture: a plain array, since it is read at every stop. */
final class SyscallTable {

    private final Syscall[] byNumber = new Syscall[512];

    SyscallTable put(int number, Syscall call) {
        byNumber[number] = call;
        return this;
    }

    Syscall get(long number) {
        return number >= 0 && number < byNumber.length ? byNumber[(int) number] : null;
    }
}
