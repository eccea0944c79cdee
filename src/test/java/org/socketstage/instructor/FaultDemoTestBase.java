package org.socketstage.instructor;

import org.socketstage.session.Session;
import org.socketstage.session.TestSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;

/** A real classroom on loopback per test, and the check that the server recovers after undo. */
abstract class FaultDemoTestBase {

    EventBus bus;
    EventLog log;
    Session room;
    final List<String> progress = new CopyOnWriteArrayList<>();

    ServerConfig initialConfig() {
        return TestSessions.anyPort();
    }

    @BeforeEach
    void openClassroom() {
        bus = new EventBus();
        log = new EventLog(bus);
        room = TestSessions.loopback(bus, initialConfig());
    }

    @AfterEach
    void closeClassroom() {
        room.close();
        log.close();
    }

    Outcome setUp(FaultDemo demo) throws InterruptedException {
        Outcome o = demo.setUp(room, progress::add);
        assertThat(o.shown()).as("set-up outcome: %s%nprogress: %s", o.summary(), progress).isTrue();
        return o;
    }

    /** Undo, start again, and a client gets its line echoed: the app recovered without a restart. */
    void recoversAfterUndo(FaultDemo demo) throws IOException {
        Outcome undone = demo.undo(room, progress::add);
        assertThat(undone.shown()).as(undone.summary()).isTrue();
        assertThat(demo.isSetUp()).isFalse();
        assertThat(room.gate().breakpoints()).isEmpty();
        long mark = bus.lastSeq();
        room.startServer();
        await().atMost(Duration.ofSeconds(10)).until(() -> log.events().stream().anyMatch(e -> e.seq() > mark
                && e instanceof ServerEvent.CallStarted s && s.actor().kind() == Actor.Kind.SERVER
                && s.stage() == Step.ACCEPT));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), room.serverPort())) {
            client.setSoTimeout(5000);
            client.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            byte[] echo = client.getInputStream().readNBytes(5);
            assertThat(new String(echo, StandardCharsets.US_ASCII)).isEqualTo("ping\n");
        }
    }
}
