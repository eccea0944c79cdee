package org.socketstage.client;

import java.util.HashMap;
import java.util.Map;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;

/**
 * What the client panel learns about this app's own server from its events: where it listens, and which peers
 * its accept() has returned. Only with this can a client tell "waiting in the accept queue" from "accepted".
 */
final class AppServerView {

    private SockAddrIn bound;
    private int kernelPort;
    private boolean listening;
    /** Open accepted connections: peer address → the server's descriptor for it. */
    private final Map<SockAddrIn, Integer> acceptedPeers = new HashMap<>();

    void reset() {
        bound = null;
        kernelPort = 0;
        listening = false;
        acceptedPeers.clear();
    }

    /** Notes what a server-side event says; returns the accepted peer when the event is a successful accept. */
    SockAddrIn apply(ServerEvent e) {
        if (e instanceof ServerEvent.CallReturned r && !r.failed()) {
            if (r.stage() == Step.BIND && r.actor().kind() == Actor.Kind.SERVER && r.address() != null) {
                bound = r.address();
            } else if (r.stage() == Step.LISTEN) {
                listening = true;
            } else if (r.stage() == Step.CLOSE_LISTENER) {
                listening = false;
            } else if (r.stage() == Step.ACCEPT && r.address() != null && r.result() >= 0) {
                acceptedPeers.put(r.address(), (int) r.result());
                return r.address();
            } else if (r.stage() == Step.CLOSE_CLIENT && r.actor().kind() == Actor.Kind.CONNECTION) {
                acceptedPeers.values().remove(r.actor().fd());
            }
        } else if (e instanceof ServerEvent.StateChanged s
                && (s.state() == ServerState.STOPPED || s.state() == ServerState.FAILED)) {
            listening = false;
        } else if (e instanceof ServerEvent.KernelChanged k) {
            kernelPort = k.snapshot().port();
        }
        return null;
    }

    /** The server's descriptor for the connection from this peer, or -1 when accept() has not returned it. */
    int acceptedFd(SockAddrIn peer) {
        return peer == null ? -1 : acceptedPeers.getOrDefault(peer, -1);
    }

    int port() {
        return bound != null && bound.port() != 0 ? bound.port() : kernelPort;
    }

    /** True when a client connecting to this address reaches this app's listening server. */
    boolean isTarget(SockAddrIn target) {
        if (!listening || bound == null || target == null || target.port() != port()) {
            return false;
        }
        return bound.isAny() || bound.host().equals(target.host()) || (loopback(bound) && loopback(target));
    }

    private static boolean loopback(SockAddrIn a) {
        return a.host().startsWith("127.");
    }
}
