package org.socketstage.instructor;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/**
 * Address not on this machine: bind() to 192.0.2.1 (TEST-NET-1, never routed) fails with EADDRNOTAVAIL.
 * bind() sends no packet; the kernel only compares the address with its own interfaces.
 */
final class AddressNotHere extends FaultDemo {

    static final String ADDRESS = "192.0.2.1";

    private final HostFacts host;

    AddressNotHere() {
        this(HostFacts.system());
    }

    AddressNotHere(HostFacts host) {
        this.host = host;
    }

    @Override
    public Fault fault() {
        return Fault.ADDRESS_NOT_HERE;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        rig.room.configure(rig.room.config().withBindHost(ADDRESS));
        Optional<String> allowed = whyBindWouldWork();
        if (allowed.isPresent()) {
            rig.room.faults().failNext(Step.BIND, Errno.byName("EADDRNOTAVAIL").orElseThrow());
            rig.say(allowed.get() + ": a real bind() would succeed, so this demonstration fails it on purpose "
                    + "(simulated EADDRNOTAVAIL)");
        }
        rig.restartServer();
        Optional<CallReturned> bind = rig.serverCall(Step.BIND);
        if (bind.isEmpty()) {
            return Outcome.notShown("the server did not reach bind()");
        }
        if (!Rig.failedWith(bind.get(), "EADDRNOTAVAIL")) {
            return Outcome.notShown("unexpected: " + Rig.describe(bind.get()));
        }
        return Outcome.shown("server: " + Rig.describe(bind.get()) + ". No interface of this machine has " + ADDRESS
                + "; bind() sent no packet, it only compared the address with the machine's own. "
                + allowed.map(a -> "Simulated, because " + a + ". ").orElse("")
                + "Undo puts the bind address back.");
    }

    private Optional<String> whyBindWouldWork() {
        if (host.nonLocalBind().orElse(0) == 1) {
            return Optional.of("net.ipv4.ip_nonlocal_bind is 1 on this machine");
        }
        try {
            if (NetworkInterface.getByInetAddress(InetAddress.getByName(ADDRESS)) != null) {
                return Optional.of("this machine has " + ADDRESS + " on one of its interfaces");
            }
        } catch (SocketException | UnknownHostException e) {
            // cannot tell: let the kernel decide
        }
        return Optional.empty();
    }
}
