package org.socketstage.instructor;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpState;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.SyscallException;

/**
 * Restart into TIME_WAIT. The first run sets SO_REUSEADDR and is stopped while a client is connected, so the
 * server closes first and its side stays in TIME_WAIT. A restart without SO_REUSEADDR then fails for real;
 * with it (old and new socket both set it, as Linux requires) the restart works.
 */
final class TimeWaitRestart extends FaultDemo {

    private static final Duration TIME_WAIT_APPEARS = Duration.ofSeconds(5);

    private int port = -1;

    @Override
    public Fault fault() {
        return Fault.TIME_WAIT;
    }

    @Override
    public Optional<String> followUpKey() {
        return Optional.of("instructor.followup.reuseaddr");
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        ServerConfig c = rig.room.config();
        try {
            port = c.port() != 0 ? c.port() : freePort(rig, c.bindHost());
        } catch (SyscallException | UnknownHostException e) {
            return Outcome.notShown("could not find a free port: " + e.getMessage());
        }
        rig.room.configure(c.withPort(port).withReuseAddr(true));
        rig.say("first run with SO_REUSEADDR on, as careful servers set it");
        rig.restartServer();
        if (!rig.awaitAccepting()) {
            return Outcome.notShown("the first run did not start; see the log");
        }
        rig.room.clients().connect(1);
        Optional<CallReturned> accepted = rig.serverCall(Step.ACCEPT);
        if (accepted.isEmpty() || accepted.get().failed()) {
            return Outcome.notShown("no client was accepted, so no connection can be left in TIME_WAIT");
        }
        rig.say("a client is connected (" + accepted.get().address() + "); stopping the server while it is open");
        rig.stopServer();
        rig.room.clients().close();
        rig.say("the server closed first, then the client: the server's side goes to TIME_WAIT");
        Optional<KernelSnapshot> seen = rig.kernel.awaitMatch(port, OptionalInt.empty(),
                s -> KernelProbe.serverSide(s, port, TcpState.TIME_WAIT) > 0, TIME_WAIT_APPEARS);
        boolean timeWait = seen.map(s -> KernelProbe.serverSide(s, port, TcpState.TIME_WAIT) > 0).orElse(false);
        rig.say(seen.isEmpty() ? "the kernel's table cannot be read here, so TIME_WAIT cannot be shown"
                : timeWait ? "kernel: TIME_WAIT on port " + port + "; no process owns it, it lasts about a minute"
                        : "kernel: no TIME_WAIT row on port " + port + " (yet)");
        rig.room.configure(rig.room.config().withReuseAddr(false));
        rig.say("second run with SO_REUSEADDR off");
        rig.restartServer();
        Optional<CallReturned> bind = rig.serverCall(Step.BIND);
        if (bind.isEmpty()) {
            return Outcome.notShown("the second run did not reach bind()");
        }
        if (!Rig.failedWith(bind.get(), "EADDRINUSE")) {
            return Outcome.notShown("unexpected: " + Rig.describe(bind.get()));
        }
        return Outcome.shown(Rig.describe(bind.get()) + " with SO_REUSEADDR off, although no server runs: the "
                + "TIME_WAIT entry still holds port " + port + ". Press \"Restart with SO_REUSEADDR on\": the old "
                + "socket set it too, so the kernel will allow the new bind().");
    }

    @Override
    protected Outcome continueDemonstration(Rig rig) throws InterruptedException {
        rig.room.configure(rig.room.config().withReuseAddr(true));
        rig.restartServer();
        Optional<CallReturned> bind = rig.serverCall(Step.BIND);
        if (bind.isEmpty()) {
            return Outcome.notShown("the server did not reach bind()");
        }
        return bind.get().failed()
                ? Outcome.notShown(Rig.describe(bind.get()) + ": the old socket did not set SO_REUSEADDR, so only "
                        + "waiting out TIME_WAIT helps now")
                : Outcome.shown(Rig.describe(bind.get()) + " with SO_REUSEADDR on: old and new socket both set it, "
                        + "so the kernel lets the new one bind next to the TIME_WAIT entry.");
    }

    /** A start without SO_REUSEADDR would fail while the TIME_WAIT entry lasts, so recovery keeps it on. */
    @Override
    protected ServerConfig configAfterUndo(ServerConfig before) {
        return before.port() == port && !before.reuseAddr() ? before.withReuseAddr(true) : before;
    }

    @Override
    protected String undoNote(ServerConfig restored) {
        return restored.port() == port ? "SO_REUSEADDR is on, so a start works even while TIME_WAIT lasts." : "";
    }

    private static int freePort(Rig rig, String host) throws SyscallException, UnknownHostException {
        try (PortHolder probe = PortHolder.hold(rig.room.socketApi(), host, 0)) {
            return probe.port();
        }
    }
}
