package org.socketstage.instructor;

import java.time.Duration;
import java.util.function.Predicate;
import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.server.StepGate;
import org.socketstage.socket.SocketApi;

/**
 * What a fault's "set it up" and "undo" may do to the running app: change the server's settings, start and
 * stop it, arm breakpoints and simulated faults, and drive clients. The GUI implements it over its own
 * ViewModels (so every change shows in the window); tests implement it over a bare LifecycleServer.
 * Methods may block (they are never called on the FX thread).
 */
public interface Classroom {

    SocketApi socketApi();

    EventBus bus();

    ServerConfig config();

    /** Replaces the server settings; takes effect at the next start. */
    void configure(ServerConfig config);

    StepGate gate();

    FaultPlan faults();

    boolean serverRunning();

    /** Starts a new server run with the current settings. */
    void startServer();

    /** Stops the server and waits until its sockets are closed. */
    void stopServer();

    /** The port the running (or last) server bound, or -1. */
    int serverPort();

    ClientDriver clients();

    /** Waits for an event published from now on that matches; false on timeout. */
    boolean awaitEvent(Predicate<ServerEvent> match, Duration timeout);

    /** Clients the app drives for a demonstration (in the GUI: the client panel's cards). */
    interface ClientDriver {

        /** Adds and connects {@code count} clients to the server, without waiting for them to connect. */
        void connect(int count);

        /**
         * The same, with the connect timeout each of these clients uses (a demonstration whose clients must
         * outlast a minute of talk sets it longer than the kernel's own SYN retries).
         */
        void connect(int count, java.time.Duration connectTimeout);

        /** The newest client sends this text. */
        void send(String text);

        /** The newest client closes gracefully. */
        void close();

        /** The newest client aborts with a reset (SO_LINGER 0, then close). */
        void reset();

        /** Closes and removes every client. */
        void removeAll();
    }
}
