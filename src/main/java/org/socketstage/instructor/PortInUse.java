package org.socketstage.instructor;

import java.net.UnknownHostException;
import java.util.Optional;
import org.socketstage.kernel.PortOwners;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.SyscallException;

/** Port already in use: a socket of SocketStage's own listens on the port, so the server's bind() fails for real. */
final class PortInUse extends FaultDemo {

    private static final int MAX_OWNER_TEXT = 240;

    private PortHolder holder;
    private String foreignOwner;

    @Override
    public Fault fault() {
        return Fault.PORT_IN_USE;
    }

    @Override
    public Optional<String> followUpKey() {
        return Optional.of("instructor.followup.release");
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        releaseHeld(Progress.SILENT);
        ServerConfig c = rig.room.config();
        int port;
        try {
            holder = PortHolder.hold(rig.room.socketApi(), c.bindHost(), c.port());
            port = holder.port();
            foreignOwner = null;
            rig.say("SocketStage holds " + c.bindHost() + ":" + port + " with a listening socket of its own (fd "
                    + holder.fd() + ", pid " + ProcessHandle.current().pid() + ")");
        } catch (SyscallException e) {
            if (!e.is("EADDRINUSE")) {
                return Outcome.notShown("could not hold port " + c.port() + ": " + e.getMessage());
            }
            port = c.port();
            foreignOwner = shorten(PortOwners.system().describe(port));
            rig.say("the port is taken already, by another program: " + foreignOwner);
        } catch (UnknownHostException e) {
            return Outcome.notShown("the bind address " + c.bindHost() + " does not resolve to IPv4");
        }
        if (c.port() != port) {
            rig.room.configure(c.withPort(port));
        }
        rig.restartServer();
        Optional<CallReturned> bind = rig.serverCall(Step.BIND);
        if (bind.isEmpty()) {
            return Outcome.notShown("the server did not reach bind()");
        }
        String line = Rig.describe(bind.get());
        if (!Rig.failedWith(bind.get(), "EADDRINUSE")) {
            return Outcome.notShown("unexpected: " + line);
        }
        return Outcome.shown(line + ". Another socket already listens on port " + port
                + (foreignOwner == null ? " (SocketStage's own). Press Release to free it and start again."
                        : ": " + foreignOwner + ". Stop that program or choose another port."));
    }

    @Override
    protected Outcome continueDemonstration(Rig rig) throws InterruptedException {
        if (holder == null || holder.released()) {
            return Outcome.notShown(foreignOwner != null
                    ? "SocketStage cannot free a port another program holds: " + foreignOwner
                    : "SocketStage holds no port right now");
        }
        int port = holder.port();
        releaseHeld(rig::say);
        rig.restartServer();
        Optional<CallReturned> bind = rig.serverCall(Step.BIND);
        if (bind.isEmpty()) {
            return Outcome.notShown("the server did not reach bind()");
        }
        return bind.get().failed()
                ? Outcome.notShown("bind() still fails after the release: " + Rig.describe(bind.get()))
                : Outcome.shown("Port " + port + " released; the retry's " + Rig.describe(bind.get()) + ": the port was free.");
    }

    @Override
    protected void releaseHeld(Progress progress) {
        if (holder != null && !holder.released()) {
            holder.close();
            progress.say("released: SocketStage closed its socket (fd " + holder.fd() + "), port " + holder.port() + " is free");
        }
        holder = null;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_OWNER_TEXT ? text : text.substring(0, MAX_OWNER_TEXT) + "…";
    }
}
