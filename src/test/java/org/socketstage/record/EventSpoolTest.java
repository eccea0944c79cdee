package org.socketstage.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SocketBackend;
import org.socketstage.event.JsonLines;
import org.socketstage.event.StraceFormat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventSpoolTest {

    @TempDir
    Path out;

    private static void publishSome(EventBus bus, int calls) {
        for (int i = 0; i < calls; i++) {
            int n = i;
            bus.publish((seq, time) -> new ServerEvent.CallStarted(seq, time, Actor.SERVER, Step.LISTEN, "listen", "3, " + n));
            bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, Actor.SERVER, Step.LISTEN, "listen",
                    "3, " + n, n % 2 == 0 ? 0 : -1, n % 2 == 0 ? null : Errno.byName("EADDRINUSE").orElseThrow(),
                    false, null, null, null, null, 3));
        }
        bus.publish((seq, time) -> new ServerEvent.StateChanged(seq, time, Actor.SERVER, ServerState.STOPPED, "done"));
    }

    @Test
    void exportsEveryEventAsJsonLinesAndEveryPrintableOneAsStraceText() throws Exception {
        EventBus bus = new EventBus();
        try (EventSpool spool = EventSpool.open(bus)) {
            publishSome(bus, 500);

            Path jsonl = out.resolve("events.jsonl");
            Path strace = out.resolve("sub/events.txt");
            assertThat(spool.export(EventSpool.Format.JSON_LINES, jsonl)).isEqualTo(1001);
            assertThat(spool.export(EventSpool.Format.STRACE, strace)).isEqualTo(501);

            List<String> json = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
            assertThat(json).hasSize(1001);
            for (int i = 0; i < json.size(); i++) {
                assertThat(json.get(i)).startsWith("{\"seq\":" + (i + 1) + ",");
            }
            assertThat(json.get(3)).contains("\"errno\"").contains("EADDRINUSE");
            List<String> text = Files.readAllLines(strace, StandardCharsets.UTF_8);
            assertThat(text).hasSize(501);
            assertThat(text.get(0)).isEqualTo("[server] listen(3, 0) = 0");
            assertThat(text.get(1)).isEqualTo("[server] listen(3, 1) = -1 EADDRINUSE (Address already in use)");
            assertThat(text.get(500)).contains("STOPPED");
        }
    }

    @Test
    void aSessionOfTheRealServerEndsUpInTheExport() throws Exception {
        EventBus bus = new EventBus();
        try (EventSpool spool = EventSpool.open(bus);
                LifecycleServer server = new LifecycleServer(ServerConfig.defaults().withPort(0),
                        SocketBackend.auto(), new StepGate(PacingMode.LIVE, 0), bus)) {
            server.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.boundPort() > 0
                    && spool.count() > 0 && Files.exists(spool.directory()));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> exported(spool, EventSpool.Format.STRACE).stream().anyMatch(l -> l.contains("listen(")));
            try (Socket client = new Socket("127.0.0.1", server.boundPort())) {
                client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(client.getInputStream().readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello\n");
            }
            server.stop(Duration.ofSeconds(2));

            List<String> text = exported(spool, EventSpool.Format.STRACE);
            assertThat(text).anyMatch(l -> l.startsWith("[server] socket(AF_INET, SOCK_STREAM, 0) = "))
                    .anyMatch(l -> l.startsWith("[server] bind("))
                    .anyMatch(l -> l.startsWith("[server] accept("))
                    .anyMatch(l -> l.contains("recv(") && l.contains("hello"));
            List<String> json = exported(spool, EventSpool.Format.JSON_LINES);
            assertThat(json).hasSize((int) spool.count());
            assertThat(json.get(json.size() - 1)).contains("\"seq\":" + bus.lastSeq());
        }
    }

    private List<String> exported(EventSpool spool, EventSpool.Format format) throws Exception {
        Path file = out.resolve("x." + format.extension());
        spool.export(format, file);
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void closingStopsListeningAndDeletesTheTempFiles() throws Exception {
        EventBus bus = new EventBus();
        EventSpool spool = EventSpool.open(bus);
        publishSome(bus, 3);
        Path dir = spool.directory();
        assertThat(dir).exists();

        spool.close();
        publishSome(bus, 3);

        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> spool.export(EventSpool.Format.JSON_LINES, out.resolve("late.jsonl")))
                .hasMessageContaining("closed");
    }

    @Test
    void eventsFromBeforeTheSpoolStartedAreNotWaitedFor() throws Exception {
        EventBus bus = new EventBus();
        publishSome(bus, 5);
        try (EventSpool spool = EventSpool.open(bus)) {
            long start = System.nanoTime();
            assertThat(spool.export(EventSpool.Format.JSON_LINES, out.resolve("empty.jsonl"))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void formattersAreTheTraceFormats() throws Exception {
        try (EventSpool spool = new EventSpool(JsonLines::toJson, StraceFormat::line)) {
            var started = new ServerEvent.CallStarted(1, java.time.Instant.now(), Actor.SERVER, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0");
            spool.append(started);
            assertThat(spool.count()).isEqualTo(1);
            assertThat(spool.export(EventSpool.Format.STRACE, out.resolve("s.txt"))).isZero();
            assertThat(Files.readString(out.resolve("s.txt"))).isEmpty();
            spool.export(EventSpool.Format.JSON_LINES, out.resolve("j.jsonl"));
            assertThat(Files.readString(out.resolve("j.jsonl"))).isEqualTo(JsonLines.toJson(started) + System.lineSeparator());
        }
    }
}
