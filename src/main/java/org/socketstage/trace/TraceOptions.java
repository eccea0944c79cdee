package org.socketstage.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.socketstage.settings.CommandSyntax;
import org.socketstage.settings.GivenOptions;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.settings.ServerOptions;
import org.socketstage.socket.SocketBackend;

/**
 * The options of the headless trace mode: the server options shared with the window ({@link ServerOptions}),
 * checked by the same rules, so a bad value gets the same message naming the option and what it accepts.
 */
public final class TraceOptions {

    public static final PacingMode DEFAULT_MODE = PacingMode.LIVE;
    public static final long DEFAULT_DELAY_MILLIS = 500;

    /** The trace mode's command line. */
    static final CommandSyntax SYNTAX = ServerOptions.addTo(new CommandSyntax("socketstage --no-gui",
            "Runs the SocketStage server without a window and prints every system call, strace style.")
            .flag("no-gui", "Run the trace mode (this mode)."));

    private final ServerOptions server;

    TraceOptions(ServerOptions server) {
        this.server = server;
    }

    /** The options a command line parsed by {@link #SYNTAX} gave. */
    static TraceOptions from(GivenOptions given) {
        return new TraceOptions(ServerOptions.from(given));
    }

    /** The checked settings, or the list of messages for every bad option. */
    public record Checked(ServerConfig config, PacingMode mode, long delayMillis, Optional<SocketBackend> backend,
            Optional<Path> transcript, List<String> problems, List<String> warnings) {}

    public Checked check() {
        ServerOptions.Checked c = server.check();
        if (!c.ok()) {
            return new Checked(null, null, 0, c.backend(), c.transcript(), c.problems(), c.warnings());
        }
        return new Checked(c.settings().apply(ServerConfig.defaults()), c.mode().orElse(DEFAULT_MODE),
                c.delayMillis().orElse(DEFAULT_DELAY_MILLIS), c.backend(), c.transcript(), List.of(), c.warnings());
    }
}
