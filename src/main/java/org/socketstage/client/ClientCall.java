package org.socketstage.client;

import org.socketstage.event.Step;

/**
 * The system calls a client makes. ServerEvent needs a {@link Step} for every call; the server's flow has no
 * connect or shutdown stage, so each client call borrows the server stage it pairs with. Views that draw the
 * server's own flow tell client calls apart by {@code Actor.Kind.CLIENT}, never by stage.
 */
public enum ClientCall {
    SOCKET("socket", Step.SOCKET),
    SETSOCKOPT("setsockopt", Step.SETSOCKOPT),
    /** connect() is the client's half of the handshake that accept() completes on the server. */
    CONNECT("connect", Step.ACCEPT),
    GETSOCKNAME("getsockname", Step.SOCKADDR),
    SEND("send", Step.SEND),
    RECV("recv", Step.RECV),
    SHUTDOWN("shutdown", Step.CLOSE_CLIENT),
    CLOSE("close", Step.CLOSE_CLIENT);

    private final String callName;
    private final Step stage;

    ClientCall(String callName, Step stage) {
        this.callName = callName;
        this.stage = stage;
    }

    public String callName() {
        return callName;
    }

    public Step stage() {
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
