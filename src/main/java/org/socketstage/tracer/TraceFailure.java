package org.socketstage.tracer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Why a program could not be traced, as a sentence a student can act on. */
public final class TraceFailure extends RuntimeException {

    public enum Kind { NOT_SUPPORTED, COMMAND_NOT_FOUND, NOT_EXECUTABLE, NOT_PERMITTED, UNSUPPORTED_ARCHITECTURE,
        EXITED_AT_ONCE, LAUNCH_FAILED }

    private final Kind kind;

    public TraceFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** ptrace gave EPERM: say what usually forbids it and how to allow it. */
    static TraceFailure notPermitted(int pid) {
        StringBuilder sb = new StringBuilder("tracing not permitted: the kernel refused ptrace (EPERM) for pid ")
                .append(pid).append('.');
        String scope = yamaScope();
        if (scope != null && !scope.equals("0") && !scope.equals("1")) {
            sb.append(" kernel.yama.ptrace_scope is ").append(scope).append(scope.equals("3")
                    ? ", which forbids ptrace until the next reboot."
                    : ", which lets only root trace: run as root, or allow tracing your own programs with"
                    + " 'sudo sysctl kernel.yama.ptrace_scope=1'.");
        } else {
            sb.append(" Inside a container, ptrace is often blocked: start the container with --cap-add=SYS_PTRACE"
                    + " (Docker, Podman) or a seccomp profile that allows ptrace. A program already traced by a"
                    + " debugger or strace cannot be traced a second time.");
        }
        return new TraceFailure(Kind.NOT_PERMITTED, sb.toString());
    }

    private static String yamaScope() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/yama/ptrace_scope")).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
