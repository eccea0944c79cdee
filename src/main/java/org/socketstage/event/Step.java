package org.socketstage.event;

/** The steps of the BSD-sockets server flow, in the order the program runs them. */
public enum Step {
    SOCKET("socket()"),
    SETSOCKOPT("setsockopt()"),
    SOCKADDR("sockaddr_in"),
    BIND("bind()"),
    LISTEN("listen()"),
    ACCEPT("accept()"),
    RECV("recv()"),
    SEND("send()"),
    CLOSE_CLIENT("close(client)"),
    CLOSE_LISTENER("close(listener)");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Stages that run once per client, inside the accept loop. */
    public boolean perClient() {
        return this == RECV || this == SEND || this == CLOSE_CLIENT;
    }
}
