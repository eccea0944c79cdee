package org.socketstage.ui;

import java.util.function.Supplier;
import org.socketstage.server.EventBus;
import org.socketstage.server.ServerConfig;
import org.socketstage.socket.SocketApi;

/**
 * What the main window hands to each pane it includes: the one event bus every engine part publishes to,
 * the socket layer in use, and the server settings currently chosen (for panes that connect to the server).
 */
public record AppServices(EventBus bus, SocketApi socketApi, Supplier<ServerConfig> serverConfig) {}
