package org.socketstage.instructor;

import java.util.Optional;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/**
 * Privileged port: bind() below ip_unprivileged_port_start needs CAP_NET_BIND_SERVICE. Without it the kernel
 * refuses with EACCES; with it (root) bind() would succeed, so the set-up says so and fails it on purpose.
 */
final class PrivilegedPort extends FaultDemo {

    static final int PORT = 80;

    private final HostFacts host;

    PrivilegedPort() {
        this(HostFacts.system());
    }

    PrivilegedPort(HostFacts host) {
        this.host = host;
    }

    @Override
    public Fault fault() {
        return Fault.PRIVILEGED_PORT;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        rig.room.configure(rig.room.config().withPort(PORT));
        Optional<String> allowed = host.whyLowPortIsAllowed(PORT);
        if (allowed.isPresent()) {
            rig.room.faults().failNext(Step.BIND, Errno.byName("EACCES").orElseThrow());
            rig.say(allowed.get() + ": a real bind() would succeed, so this demonstration fails it on purpose "
                    + "(simulated EACCES)");
        } else {
            rig.say("SocketStage may not bind ports below " + host.unprivilegedPortStart().orElse(HostFacts.CLASSIC_PRIVILEGED_LIMIT)
                    + ": the kernel itself will refuse port " + PORT);
        }
        rig.restartServer();
        Optional<CallReturned> bind = rig.serverCall(Step.BIND);
        if (bind.isEmpty()) {
            return Outcome.notShown("the server did not reach bind()");
        }
        if (!Rig.failedWith(bind.get(), "EACCES")) {
            return Outcome.notShown("unexpected: " + Rig.describe(bind.get()));
        }
        String why = allowed.map(a -> " Simulated, because " + a + ".").orElse(" Real: the kernel checked the "
                + "process's privileges; no packet was involved.");
        return Outcome.shown("server: " + Rig.describe(bind.get()) + "." + why + " Set the port back to 1024 or above "
                + "(Undo does) and start again.");
    }
}
