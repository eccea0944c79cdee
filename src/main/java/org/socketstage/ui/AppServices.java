package org.socketstage.ui;

import java.util.function.Supplier;
import org.socketstage.instructor.Classroom;
import org.socketstage.event.EventBus;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketApi;

/**
 * What the main window hands to each pane it includes: the one event bus every engine part publishes to,
 * the socket layer in use, the server settings currently chosen (for panes that connect to the server), and
 * the classroom controls the instructor panel drives (may be null until the main window provides them).
 */
public record AppServices(EventBus bus, SocketApi socketApi, Supplier<ServerConfig> serverConfig, Classroom classroom) {

    public AppServices(EventBus bus, SocketApi socketApi, Supplier<ServerConfig> serverConfig) {
        this(bus, socketApi, serverConfig, null);
    }
}
