package org.socketstage.client;

/**
 * Where one client socket stands, as the client panel shows it. The point of the model is that CONNECTED does
 * not exist on its own: after connect() returns the client is either still waiting in the server's accept queue,
 * already accepted, or — when the target is not this app's server — of unknown accept state.
 */
public enum ClientState {
    /** socket() returned; connect() not called yet. */
    NOT_CONNECTED,
    /** connect() is running: SYN sent, waiting for SYN-ACK (the kernel shows SYN_SENT). */
    CONNECTING,
    /** connect() returned 0 but this app's server has not accept()ed the connection. */
    WAITING_IN_ACCEPT_QUEUE,
    /** The app's server accept()ed this client's connection. */
    ACCEPTED,
    /** connect() returned 0 to a server outside this app: whether accept() ran cannot be seen from here. */
    CONNECTED_ACCEPT_UNKNOWN,
    /** shutdown(SHUT_WR): the client sent FIN and can still receive. */
    HALF_CLOSED,
    /** close() returned. */
    CLOSED,
    /** A call failed with an errno. */
    FAILED;

    /** True while the socket is connected and can still send or receive. */
    public boolean connected() {
        return this == WAITING_IN_ACCEPT_QUEUE || this == ACCEPTED || this == CONNECTED_ACCEPT_UNKNOWN
                || this == HALF_CLOSED;
    }

    public boolean ended() {
        return this == CLOSED || this == FAILED;
    }
}
