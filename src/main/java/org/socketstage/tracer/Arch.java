package org.socketstage.tracer;

import java.util.Locale;
import java.util.Optional;

/**
 * What differs between processor architectures for the tracer: the system call numbers and where the
 * number, the arguments and the result sit in the registers at a system-call stop. Every method that
 * touches a tracee runs on the tracer thread while that tracee is stopped.
 */
interface Arch {

    /** The registers of one system-call stop, as far as the tracer needs them. */
    record SyscallRegs(long number, long[] args, long result, boolean entry) {}

    String name();

    /** e_machine of this architecture's 64-bit ELF programs. */
    int elfMachine();

    /** The call this number stands for, or null for calls the tracer lets run undecoded. */
    Syscall syscall(long number);

    /** Reads the registers at a system-call stop. {@code entry} is the architecture's own hint, if it has one. */
    SyscallRegs read(int tid);

    /**
     * True when {@link SyscallRegs#entry()} is exact at every stop (aarch64's x7); false when it is only a hint
     * to combine with the tracer's own count of entries and exits (x86_64's -ENOSYS, also a real result).
     */
    boolean exactDirection();

    /** At the entry stop: makes the kernel skip the call (it then returns -ENOSYS unless changed at the exit). */
    void skipCall(int tid);

    /** At the exit stop: the value the call returns to the program (-errno for a failure). */
    void setResult(int tid, long value);

    /** At the entry stop: changes one argument (0-based) before the kernel reads it. */
    void setArg(int tid, int index, long value);

    /** The architecture this JVM runs on, when the tracer knows it. */
    static Optional<Arch> current() {
        return forName(System.getProperty("os.arch", ""));
    }

    static Optional<Arch> forName(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> Optional.of(new X86_64());
            case "aarch64", "arm64" -> Optional.of(new Aarch64());
            default -> Optional.empty();
        };
    }
}
