package org.socketstage.session;

import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.KernelView;
import org.socketstage.server.LifecycleServer;
import org.socketstage.server.Server;
import org.socketstage.server.StepGate;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketApi;

/** What a session's Start runs: SocketStage's own server, or (through the tracer) a student's program. */
@FunctionalInterface
public interface ServerSource {

    /** The parts every kind of server gets from the session that runs it. */
    record Parts(ServerConfig config, SocketApi api, StepGate gate, EventBus bus, FaultPlan faults,
            KernelView kernelView) {}

    Server create(Parts parts);

    /** SocketStage's own server, running the lifecycle one real call at a time. */
    ServerSource OWN = p -> new LifecycleServer(p.config(), p.api(), p.gate(), p.bus(), p.faults(), p.kernelView());
}
