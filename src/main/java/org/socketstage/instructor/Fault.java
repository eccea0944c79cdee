package org.socketstage.instructor;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The thirteen faults of the instructor panel, each named as its scenario. The order is the order of the
 * panel's list: setup failures first, then the accept queue, then the conversation, then the simulated ones.
 */
public enum Fault {
    PORT_IN_USE("port-in-use", Origin.REAL, PortInUse::new),
    TIME_WAIT("time-wait", Origin.REAL, TimeWaitRestart::new),
    BACKLOG_DEMO("backlog-demo", Origin.REAL, BacklogOverflow::new),
    REFUSED("refused", Origin.REAL, RefusedConnection::new),
    PEER_RESET("peer-reset", Origin.REAL, PeerReset::new),
    PEER_CLOSES("peer-closes", Origin.REAL, PeerCloses::new),
    SEND_TO_GONE_PEER("send-to-gone-peer", Origin.REAL, SendToGonePeer::new),
    PARTIAL_SEND("partial-send", Origin.REAL, PartialSend::new),
    UNCHECKED_SOCKET("unchecked-socket", Origin.SIMULATED_THEN_REAL, UncheckedSocket::new),
    PRIVILEGED_PORT("privileged-port", Origin.REAL_WHERE_POSSIBLE, PrivilegedPort::new),
    ADDRESS_NOT_HERE("address-not-here", Origin.REAL_WHERE_POSSIBLE, AddressNotHere::new),
    EMFILE("emfile", Origin.SIMULATED, TooManyOpenFiles::new),
    ANY_ERRNO("any-errno", Origin.SIMULATED, AnyErrno::new);

    private final String scenarioName;
    private final Origin origin;
    private final Supplier<FaultDemo> demo;

    Fault(String scenarioName, Origin origin, Supplier<FaultDemo> demo) {
        this.scenarioName = scenarioName;
        this.origin = origin;
        this.demo = demo;
    }

    /** The scenario name, e.g. {@code port-in-use}; also the key part of its card in the bundle. */
    public String scenarioName() {
        return scenarioName;
    }

    public Origin origin() {
        return origin;
    }

    /** A fresh demonstration with its own undo state. */
    public FaultDemo newDemo() {
        return demo.get();
    }

    public static Optional<Fault> byScenarioName(String name) {
        return Arrays.stream(values()).filter(f -> f.scenarioName.equals(name)).findFirst();
    }
}
