package org.socketstage.client;

import org.socketstage.server.Stage;

/**
 * The system calls a client makes. ServerEvent needs a {@link Stage} for every call; the server's flow has no
 * connect or shutdown stage, so each client call borrows the server stage it pairs with. Views that draw the
 * server's own flow tell client calls apart by {@code Actor.Kind.CLIENT}, never by stage.
 */
public enum ClientCall {
    SOCKET("socket", Stage.SOCKET),
    SETSOCKOPT("setsockopt", Stage.SETSOCKOPT),
    /** connect() is the client's half of the handshake that accept() completes on the server. */
    CONNECT("connect", Stage.ACCEPT),
    GETSOCKNAME("getsockname", Stage.SOCKADDR),
    SEND("send", Stage.SEND),
    RECV("recv", Stage.RECV),
    SHUTDOWN("shutdown", Stage.CLOSE_CLIENT),
    CLOSE("close", Stage.CLOSE_CLIENT);

    private final String callName;
    private final Stage stage;

    ClientCall(String callName, Stage stage) {
        this.callName = callName;
        this.stage = stage;
    }

    public String callName() {
        return callName;
    }

    public Stage stage() {
        return stage;
    }

    /** The client call with this name, or null when the name is not a client call. */
    public static ClientCall byName(String name) {
        for (ClientCall c : values()) {
            if (c.callName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
