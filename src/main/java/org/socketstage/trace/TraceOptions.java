package org.socketstage.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketstage.settings.ConfigRules;
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options of the headless trace mode. Values arrive as text and are checked with the same rules as the
 * GUI's settings, so a bad value gets a message naming the option and what it accepts.
 */
@Command(name = "socketstage --no-gui", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Runs the SocketStage server without a window and prints every system call, strace style.")
public final class TraceOptions {

    @Option(names = "--no-gui", description = "Run the trace mode (this mode).")
    boolean noGui;

    @Option(names = "--port", paramLabel = "N", description = "Port to bind, 0 to 65535 (0: the kernel picks). Default ${DEFAULT-VALUE}.")
    String port = Integer.toString(ServerConfig.DEFAULT_PORT);

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to bind: an IPv4 literal or a host name. Default ${DEFAULT-VALUE}.")
    String bind = ServerConfig.DEFAULT_BIND;

    @Option(names = "--backlog", paramLabel = "N", description = "listen() backlog, at least 1. Default ${DEFAULT-VALUE}.")
    String backlog = Integer.toString(ServerConfig.DEFAULT_BACKLOG);

    @Option(names = "--no-reuseaddr", description = "Do not set SO_REUSEADDR.")
    boolean noReuseAddr;

    @Option(names = "--concurrency", paramLabel = "iterative|threaded", description = "Default ${DEFAULT-VALUE}.")
    String concurrency = "iterative";

    @Option(names = "--mode", paramLabel = "live|run|step", description = "Pacing. step: Enter performs the next call. Default ${DEFAULT-VALUE}.")
    String mode = "live";

    @Option(names = "--delay", paramLabel = "MS", description = "Delay between calls in run mode, in milliseconds. Default ${DEFAULT-VALUE}.")
    String delay = "500";

    @Option(names = "--max-connections", paramLabel = "N", description = "Connections served at once, 1 to 1024 (threaded mode). Default ${DEFAULT-VALUE}.")
    String maxConnections = Integer.toString(ServerConfig.DEFAULT_MAX_CONNECTIONS);

    @Option(names = "--recv-buffer", paramLabel = "BYTES", description = "Size of the recv() buffer, 1 to 1048576. Default ${DEFAULT-VALUE}.")
    String recvBuffer = Integer.toString(ServerConfig.DEFAULT_RECV_BUFFER);

    @Option(names = "--transcript", paramLabel = "FILE", description = "Write every event to FILE as JSON Lines.")
    Path transcript;

    @Option(names = "--backend", paramLabel = "native|jdk", description = "Socket layer. Default: native where libc sockets exist, else jdk.")
    String backend;

    /** The checked settings, or the list of messages for every bad option. */
    public record Checked(ServerConfig config, PacingMode mode, long delayMillis, Optional<SocketBackend> backend,
            Optional<Path> transcript, List<String> problems) {}

    public Checked check() {
        List<String> problems = new ArrayList<>();
        ConfigRules.checkPort(port).ifPresent(m -> problems.add("--port: " + m));
        ConfigRules.checkBacklog(backlog).ifPresent(m -> problems.add("--backlog: " + m));
        ConfigRules.checkBindAddress(bind).ifPresent(m -> problems.add("--bind: " + m));
        Optional<Concurrency> c = Concurrency.fromOption(concurrency);
        if (c.isEmpty()) {
            problems.add("--concurrency: must be iterative or threaded (got \"" + concurrency + "\")");
        }
        Optional<PacingMode> m = PacingMode.fromOption(mode);
        if (m.isEmpty()) {
            problems.add("--mode: must be live, run or step (got \"" + mode + "\")");
        }
        Optional<Integer> d = ConfigRules.parseInt(delay);
        if (d.isEmpty()) {
            problems.add("--delay: must be a whole number of milliseconds, 0 or more (got \"" + delay + "\")");
        }
        Optional<Integer> max = ConfigRules.parseInt(maxConnections).filter(n -> n >= 1 && n <= 1024);
        if (max.isEmpty()) {
            problems.add("--max-connections: must be a whole number from 1 to 1024 (got \"" + maxConnections + "\")");
        }
        Optional<Integer> buf = ConfigRules.parseInt(recvBuffer).filter(n -> n >= 1 && n <= 1 << 20);
        if (buf.isEmpty()) {
            problems.add("--recv-buffer: must be a whole number of bytes from 1 to 1048576 (got \"" + recvBuffer + "\")");
        }
        Optional<SocketBackend> b = Optional.empty();
        if (backend != null) {
            b = SocketBackend.fromOption(backend);
            if (b.isEmpty()) {
                problems.add("--backend: must be native or jdk (got \"" + backend + "\")");
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, null, 0, b, Optional.ofNullable(transcript), problems);
        }
        ServerConfig config = ServerConfig.defaults()
                .withPort(ConfigRules.parseInt(port).orElseThrow())
                .withBindHost(bind.trim())
                .withBacklog(ConfigRules.parseInt(backlog).orElseThrow())
                .withReuseAddr(!noReuseAddr)
                .withConcurrency(c.orElseThrow())
                .withMaxConnections(max.orElseThrow())
                .withRecvBufferSize(buf.orElseThrow());
        return new Checked(config, m.orElseThrow(), d.orElseThrow(), b, Optional.ofNullable(transcript), List.of());
    }
}
