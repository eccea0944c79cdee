package org.socketstage.ui.schematic;

import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/** The server's listening socket and its accept queue, as the calls and the kernel describe them. */
final class Listener {

    enum Phase { NONE, CREATED, BOUND, LISTENING, CLOSED }

    Phase phase = Phase.NONE;
    int fd = -1;
    String address = "";
    int boundPort = -1;
    boolean reuseAddr;
    Errno errno;
    Step failedAt;
    boolean simulated;
    int backlog = -1;
    boolean kernelAvailable;
    int kernelPort = -1;
    int kernelLimit = -1;
    int kernelQueued = -1;
    long overflowBaseline = -1;
    long overflows;
    /** accept() has started and not returned; {@code heldReason} says why it waits at the gate, if it does. */
    boolean accepting;
    String heldReason;
    CallRef socketCall;
    CallRef bindCall;
    CallRef listenCall;
    CallRef acceptCall;
    CallRef failedCall;

    boolean exists() {
        return phase != Phase.NONE || errno != null;
    }

    boolean listening() {
        return phase == Phase.LISTENING;
    }

    /** The port clients reach: the kernel's when it reported one, else bind's. */
    int port() {
        return kernelPort > 0 ? kernelPort : boundPort;
    }

    /** Limit the queue by the kernel's figure, or by listen()'s backlog until the kernel has spoken. */
    int limit() {
        return kernelLimit >= 0 ? kernelLimit : backlog;
    }

    /** Linux keeps up to limit + 1 completed connections waiting. */
    int slots() {
        int limit = limit();
        return limit < 0 || !listening() ? 0 : limit + 1;
    }
}
