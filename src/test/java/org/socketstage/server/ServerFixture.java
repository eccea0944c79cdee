package org.socketstage.server;

import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.socketstage.socket.NativeSocketApi;
import org.socketstage.socket.SocketApi;

/** A real server on 127.0.0.1 with a kernel-chosen port, and a recorder of its events. */
final class ServerFixture implements AutoCloseable {

    final EventBus bus = new EventBus();
    final EventRecorder recorder = new EventRecorder(bus);
    final StepGate gate;
    final LifecycleServer server;

    ServerFixture(ServerConfig config, PacingMode mode) {
        this(config, mode, new NativeSocketApi(), new FaultPlan(), KernelView.NONE);
    }

    ServerFixture(ServerConfig config, PacingMode mode, SocketApi api, FaultPlan faults, KernelView kernel) {
        gate = new StepGate(mode, 0);
        server = new LifecycleServer(config, api, gate, bus, faults, kernel);
    }

    /** With the real kernel view from /proc. */
    static ServerFixture withKernel(ServerConfig config, PacingMode mode) {
        return new ServerFixture(config, mode, new NativeSocketApi(), new FaultPlan(), new LinuxKernelView());
    }

    static ServerConfig loopbackAnyPort() {
        return ServerConfig.defaults().withPort(0);
    }

    ServerFixture start() {
        server.start();
        return this;
    }

    /** Starts in live mode and waits until the server is blocked in accept(). */
    ServerFixture startAndAwaitAccept() {
        start();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.events().stream()
                .anyMatch(e -> e instanceof ServerEvent.CallStarted s && s.stage() == Step.ACCEPT));
        return this;
    }

    int port() {
        return server.boundPort();
    }

    /** Steps held calls until one of the given stage is held (not yet run). */
    void stepUntilHeld(Step stage) {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            var held = gate.held();
            if (!held.isEmpty() && held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
        recorder.close();
    }
}
