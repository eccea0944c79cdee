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
        return Optional.empty();
    }

    static Arch arch() {
        return Arch.current().orElseThrow(() -> new TraceFailure(TraceFailure.Kind.NOT_SUPPORTED,
                unsupportedReason().orElse("unsupported architecture")));
    }
}
