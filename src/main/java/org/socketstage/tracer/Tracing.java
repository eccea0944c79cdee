package org.socketstage.tracer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.socketstage.socket.Platform;

/**
 * Whether this machine can trace a program: the tracer needs Linux (ptrace, /proc) on x86_64 or aarch64.
 * The window uses {@link #unsupportedReason()} to disable its menu item with the reason; the command line
 * exits with code 2 and prints it.
 */
public final class Tracing {

    private Tracing() {}

    public static boolean supported() {
        return unsupportedReason().isEmpty();
    }

    /** Empty when tracing works here, else a sentence saying why not. */
    public static Optional<String> unsupportedReason() {
        return reason(Platform.current(), System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"));
    }

    static Optional<String> reason(Platform platform, String osName, String osArch) {
        if (platform != Platform.LINUX) {
            return Optional.of("tracing a program needs Linux (it uses ptrace and /proc); this is " + osName
                    + ". SocketStage's own server and the other features work here.");
        }
        if (Arch.forName(osArch).isEmpty()) {
            return Optional.of("tracing a program is written for x86_64 and aarch64 Linux; this machine is "
                    + osArch + ", whose system-call numbers and registers the tracer does not know");
        }
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
            return Optional.of("tracing a program needs /proc, which is not mounted here");
        }
        return ptraceReason(read(YAMA_SCOPE), capabilities(read(Path.of("/proc/self/status"))));
    }

    private static final Path YAMA_SCOPE = Path.of("/proc/sys/kernel/yama/ptrace_scope");
    private static final long CAP_SYS_PTRACE = 1L << 19;

    /**
     * Yama's setting decides whether SocketStage may trace the program it starts: 0 and 1 allow it (1 still lets
     * a process trace its own children), 2 only with CAP_SYS_PTRACE, 3 never. No Yama (null) allows it.
     */
    static Optional<String> ptraceReason(String scope, long effectiveCaps) {
        String s = scope == null ? "" : scope.trim();
        if (s.equals("3")) {
            return Optional.of("tracing is switched off on this machine (kernel.yama.ptrace_scope = 3, which only a"
                    + " reboot undoes)");
        }
        if (s.equals("2") && (effectiveCaps & CAP_SYS_PTRACE) == 0) {
            return Optional.of("tracing is allowed only to administrators here (kernel.yama.ptrace_scope = 2): run"
                    + " sudo sysctl kernel.yama.ptrace_scope=1, or give SocketStage's java the CAP_SYS_PTRACE"
                    + " capability");
        }
        return Optional.empty();
    }

    /** The effective capabilities from /proc/self/status's CapEff line (0 if unknown). */
    static long capabilities(String status) {
        if (status == null) {
            return 0;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                try {
                    return Long.parseUnsignedLong(line.substring(7).trim(), 16);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.size(file) > 64 * 1024 ? null : Files.readString(file);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    static Arch arch() {
        return Arch.current().orElseThrow(() -> new TraceFailure(TraceFailure.Kind.NOT_SUPPORTED,
                unsupportedReason().orElse("unsupported architecture")));
    }
}
