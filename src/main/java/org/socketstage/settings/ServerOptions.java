package org.socketstage.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.socketstage.socket.SocketBackend;

/**
 * The server's command-line options, the same for the window and the trace mode: defined and checked here
 * only, so a bad value gets the same message and exit code 2 in both. Every option is optional; what is given
 * replaces that one setting of a base (the defaults in the trace mode, the remembered settings in the window).
 */
public final class ServerOptions {

    String port;
    String bind;
    String backlog;
    boolean noReuseAddr;
    String concurrency;
    String mode;
    String delay;
    String maxConnections;
    String idleTimeout;
    String recvBuffer;
    Path transcript;
    String backend;

    /** Adds the server's options to a command's syntax (the window's and the trace mode's). */
    public static CommandSyntax addTo(CommandSyntax syntax) {
        return syntax
                .value("port", "N", "Port to bind, 0 to 65535 (0: the kernel picks). Default 9090.")
                .value("bind", "ADDR", "Address to bind: an IPv4 literal or a host name. Default 127.0.0.1.")
                .value("backlog", "N", "listen() backlog, at least 1. Default 5 with iterative (to watch the queue fill), 128 with threaded (a class connecting at once).")
                .flag("no-reuseaddr", "Do not set SO_REUSEADDR.")
                .value("concurrency", "iterative|threaded", "One client at a time, or a thread per client. Default iterative.")
                .value("mode", "live|run|step", "Pacing. step: each call waits for a step (Enter in the trace mode). Default: live in the trace mode, run in the window.")
                .value("delay", "MS", "Delay before each call in run mode, in milliseconds. Default 500 (trace mode), 600 (window).")
                .value("max-connections", "N", "Connections served at once, 1 to 1024 (threaded mode). Default 128.")
                .value("idle-timeout", "SECONDS", "Close a connection that sends nothing for this long, 0 (never) to 86400. Default 300.")
                .value("recv-buffer", "BYTES", "Size of the recv() buffer, 1 to 1048576. Default 4096.")
                .path("transcript", "FILE", "Write every event to FILE as JSON Lines.")
                .value("backend", "native|jdk", "Socket layer. Default: native where libc sockets exist, else jdk.");
    }

    /** The server options a parsed command line gave (see {@link #addTo}). */
    public static ServerOptions from(GivenOptions given) {
        ServerOptions o = new ServerOptions();
        o.port = given.text("port");
        o.bind = given.text("bind");
        o.backlog = given.text("backlog");
        o.noReuseAddr = given.flag("no-reuseaddr");
        o.concurrency = given.text("concurrency");
        o.mode = given.text("mode");
        o.delay = given.text("delay");
        o.maxConnections = given.text("max-connections");
        o.idleTimeout = given.text("idle-timeout");
        o.recvBuffer = given.text("recv-buffer");
        o.transcript = given.path("transcript");
        o.backend = given.text("backend");
        return o;
    }

    /**
     * The checked options. {@code settings} turns a base config into the one asked for; {@code mode} and
     * {@code delayMillis} are present only when given. {@code problems} name each bad option and what it
     * accepts; {@code warnings} name options that have no effect with the others given.
     */
    public record Checked(UnaryOperator<ServerConfig> settings, Optional<PacingMode> mode, Optional<Long> delayMillis,
            Optional<SocketBackend> backend, Optional<Path> transcript, List<String> problems, List<String> warnings) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** True when any server setting was given (not only pacing, transcript or backend). */
    public boolean anySetting() {
        return port != null || bind != null || backlog != null || noReuseAddr || concurrency != null
                || maxConnections != null || recvBuffer != null || idleTimeout != null;
    }

    public Checked check() {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<Integer> p = number(port, ConfigRules.checkPort(port), "--port", problems);
        Optional<Integer> b = number(backlog, ConfigRules.checkBacklog(backlog), "--backlog", problems);
        if (bind != null) {
            ConfigRules.checkBindAddress(bind).ifPresent(m -> problems.add("--bind: " + m));
        }
        Optional<Concurrency> c = Optional.empty();
        if (concurrency != null) {
            c = Concurrency.fromOption(concurrency);
            if (c.isEmpty()) {
                problems.add("--concurrency: must be iterative or threaded (got \"" + ConfigRules.shorten(concurrency) + "\")");
            }
        }
        Optional<PacingMode> m = Optional.empty();
        if (mode != null) {
            m = PacingMode.fromOption(mode);
            if (m.isEmpty()) {
                problems.add("--mode: must be live, run or step (got \"" + ConfigRules.shorten(mode) + "\")");
            }
        }
        Optional<Long> d = Optional.empty();
        if (delay != null) {
            d = ConfigRules.checkDelay(delay).map(msg -> {
                problems.add("--delay: " + msg);
                return Optional.<Long>empty();
            }).orElseGet(() -> ConfigRules.parseInt(delay).map(Integer::longValue));
        }
        Optional<Integer> max = number(maxConnections, ConfigRules.checkMaxConnections(maxConnections),
                "--max-connections", problems);
        Optional<Integer> buf = number(recvBuffer, ConfigRules.checkRecvBuffer(recvBuffer), "--recv-buffer", problems);
        Optional<Integer> idle = number(idleTimeout, ConfigRules.checkIdleTimeout(idleTimeout), "--idle-timeout", problems);
        Optional<SocketBackend> be = Optional.empty();
        if (backend != null) {
            be = SocketBackend.fromOption(backend);
            if (be.isEmpty()) {
                problems.add("--backend: must be native or jdk (got \"" + ConfigRules.shorten(backend) + "\")");
            } else if (!be.get().isAvailable()) {
                problems.add("--backend: native sockets are not available on this system (use jdk)");
            }
        }
        if (transcript != null) {
            ConfigRules.checkTranscript(transcript).ifPresent(msg -> problems.add("--transcript: " + msg));
        }
        if (d.isPresent() && m.isPresent() && m.get() != PacingMode.RUN) {
            warnings.add("--delay has no effect in " + m.get().name().toLowerCase(java.util.Locale.ROOT)
                    + " mode (it is the pause before each call in run mode)");
        }
        if (max.isPresent() && c.orElse(null) == Concurrency.ITERATIVE) {
            warnings.add("--max-connections has no effect with --concurrency iterative (one client is served at a time)");
        }
        Optional<Concurrency> chosen = c;
        UnaryOperator<ServerConfig> settings = base -> {
            ServerConfig out = base;
            // the concurrency first: a backlog left at one mode's default follows the other's, a given one stays
            if (chosen.isPresent()) {
                out = out.switchConcurrency(chosen.get());
            }
            if (p.isPresent()) {
                out = out.withPort(p.get());
            }
            if (bind != null) {
                out = out.withBindHost(bind.trim());
            }
            if (b.isPresent()) {
                out = out.withBacklog(b.get());
            }
            if (noReuseAddr) {
                out = out.withReuseAddr(false);
            }
            if (max.isPresent()) {
                out = out.withMaxConnections(max.get());
            }
            if (buf.isPresent()) {
                out = out.withRecvBufferSize(buf.get());
            }
            if (idle.isPresent()) {
                out = out.withIdleTimeoutSeconds(idle.get());
            }
            return out;
        };
        return new Checked(settings, m, d, be, Optional.ofNullable(transcript), List.copyOf(problems),
                List.copyOf(warnings));
    }

    private static Optional<Integer> number(String text, Optional<String> problem, String option, List<String> problems) {
        if (text == null) {
            return Optional.empty();
        }
        if (problem.isPresent()) {
            problems.add(option + ": " + problem.get());
            return Optional.empty();
        }
        return ConfigRules.parseInt(text);
    }
}
