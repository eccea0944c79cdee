package org.socketstage.server;

import java.time.Duration;
import org.socketstage.event.ServerState;

/**
 * A server the session can run and show: SocketStage's own {@link LifecycleServer}, or a student's program
 * under the tracer. Either publishes its calls on the session's event bus and passes each through the
 * session's step gate. One instance runs once.
 */
public interface Server extends AutoCloseable {

    /** Starts it; its calls then arrive as events. */
    void start();

    /**
     * Stops it from any point and frees its port: closes every socket, or ends the traced program.
     * Returns true when everything ended within the timeout.
     */
    boolean stop(Duration timeout);

    /** Waits until it has ended by itself or by stop(); true if it has. */
    boolean awaitEnd(Duration timeout);

    boolean isRunning();

    ServerState state();

    /** The port its listening socket is bound to, or -1 before bind (or when it has none). */
    int boundPort();

    @Override
    default void close() {
        stop(Duration.ofSeconds(1));
    }
}
