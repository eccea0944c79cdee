package org.socketstage.ui.schematic;

import org.socketstage.kernel.TcpState;
import org.socketstage.socket.Errno;

/**
 * One client and, once the server has it, its connection: one row of the stage. A built-in client (the Clients
 * tab) is known by its number from its own calls; an outside one (nc, telnet, another program) only by the
 * address the kernel's table or accept() shows.
 */
final class Peer {

    /** The client's own socket, as far as its calls or the kernel's rows tell. */
    enum ClientPhase { UNSEEN, OPENED, CONNECTING, SYN_SENT, CONNECTED, HALF_CLOSED, CLOSED, REFUSED, TIMED_OUT, FAILED }

    /** The server's side of the connection. */
    enum ServerPhase { NONE, HALF_OPEN, QUEUED, ACCEPTED, PEER_CLOSED, CLOSED }

    final long id;
    /** The Clients tab's number, or -1 for an outside client. */
    final int clientNumber;
    int clientFd = -1;
    long inode;
    String address = "";
    ClientPhase client;
    ServerPhase server = ServerPhase.NONE;
    Errno errno;
    int serverFd = -1;
    long bytesIn;
    long bytesOut;
    boolean serverTimeWait;
    boolean clientTimeWait;
    boolean lingerZero;
    /** A reset ended the connection (the client aborted, or the server's recv() saw ECONNRESET). */
    boolean reset;
    boolean clientFinSent;
    boolean serverFinSent;
    boolean removedFromPanel;
    boolean handshakeDrawn;
    /** The client connects to another server: the stage does not draw it. */
    boolean elsewhere;
    TcpState serverRow;
    TcpState clientRow;
    CallRef madeBy;
    CallRef connectCall;
    CallRef acceptCall;
    CallRef lastCall;
    /** The seq of the event after which neither side has the socket open, or -1. */
    long endedAt = -1;
    /** Neither side nor the kernel holds it any more: it leaves the stage once its last envelope landed. */
    boolean gone;
    /** The queue slot accept() took this connection from, for the lift animation; -1 otherwise. */
    int liftedFromSlot = -1;
    /** The seq of the event that made this publish's lift; the view animates it once. */
    long liftSeq = -1;

    Peer(long id, int clientNumber, ClientPhase client) {
        this.id = id;
        this.clientNumber = clientNumber;
        this.client = client;
    }

    boolean builtIn() {
        return clientNumber >= 0;
    }

    int port() {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(address.substring(colon + 1));
    }

    boolean clientDone() {
        return switch (client) {
            case CLOSED, REFUSED, TIMED_OUT, FAILED -> true;
            case UNSEEN -> server == ServerPhase.CLOSED;
            default -> false;
        };
    }

    boolean serverDone() {
        return server == ServerPhase.NONE || server == ServerPhase.CLOSED;
    }

    /** The kernel showed a row of this connection in the latest snapshot, or still holds it in TIME_WAIT. */
    boolean kernelHolds() {
        return serverRow != null || clientRow != null || serverTimeWait || clientTimeWait;
    }

    /** A connect() that failed: kept on the stage so the student sees why, until newer failures push it out. */
    boolean failedConnect() {
        return client == ClientPhase.REFUSED || client == ClientPhase.TIMED_OUT
                || (client == ClientPhase.FAILED && server == ServerPhase.NONE);
    }
}
