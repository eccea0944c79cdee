package org.socketstage.event;

/** The server's life as a whole, as opposed to the stage of one call. */
public enum ServerState {
    IDLE,
    RUNNING,
    STOPPING,
    STOPPED,
    /** socket, bind or listen failed; the server thread has ended. */
    FAILED
}
