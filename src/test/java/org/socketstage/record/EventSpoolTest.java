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
import org.socketstage.event.EventTypes;
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
            // allowed to wait ten minutes for events still on their way: one that waited for these five (which
            // never come) would not return within the bound
            long lines = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> spool.export(EventSpool.Format.JSON_LINES, out.resolve("empty.jsonl"), Duration.ofMinutes(10).toMillis()),
                    "the export waited for events published before the spool started");
            assertThat(lines).isZero();
        }
    }

    @Test
    void aRecvsAndASendsStraceLinesWrittenFromTheirBytesAreTheFormatsOwn() throws Exception {
        // the spool writes these lines from the buffer's bytes; every one must read as StraceFormat.line has it
        Actor conn = Actor.connection(5, org.socketstage.socket.SockAddrIn.loopback(40404));
        byte[] ascii = "hello \"you\"\n".getBytes(StandardCharsets.US_ASCII);
        byte[] binary = {0, 1, (byte) 0xff, (byte) 0xc3, (byte) 0xa9, '\t', '\\'};
        byte[] long300 = "x".repeat(300).getBytes(StandardCharsets.US_ASCII);
        List<ServerEvent> events = List.of(
                recv(1, conn, ascii, null),
                recv(2, conn, binary, "a note: café ✓"),
                recv(3, conn, long300, null),
                new ServerEvent.CallReturned(4, java.time.Instant.now(), conn, Step.SEND, "send",
                        org.socketstage.event.CallArgs.buffer(5, binary, 1, 3, 3, "MSG_NOSIGNAL"), -1,
                        Errno.byName("EPIPE").orElseThrow(), org.socketstage.event.ResultSource.SIMULATED, null,
                        null, null, null, 3),
                new ServerEvent.StateChanged(5, java.time.Instant.now(), Actor.SERVER, ServerState.STOPPED, "done"));
        EventBus bus = new EventBus();
        try (EventSpool spool = EventSpool.open(bus)) {
            for (ServerEvent e : events) {
                bus.publish((seq, time) -> e);
            }
            Path strace = out.resolve("bytes.txt");
            assertThat(spool.export(EventSpool.Format.STRACE, strace)).isEqualTo(5);
            assertThat(Files.readAllLines(strace, StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(events.stream().map(StraceFormat::line).toList())
                    .anySatisfy(l -> assertThat(l).contains("/* a note: café ✓ */", "\\xff"))
                    .anySatisfy(l -> assertThat(l).contains("= -1 EPIPE").endsWith("[simulated]"));
        }
    }

    private static ServerEvent.CallReturned recv(long seq, Actor actor, byte[] data, String note) {
        return new ServerEvent.CallReturned(seq, java.time.Instant.now(), actor, Step.RECV, "recv",
                org.socketstage.event.CallArgs.buffer(5, data, 0, data.length, 4096, "0"), data.length, null,
                org.socketstage.event.ResultSource.KERNEL, note, data, null, null, 3);
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

    @Test
    void theBusSpoolWritesEachEventExactlyAsJsonLinesFormatsItAlsoAcrossExports() throws Exception {
        // the spool on a bus writes JSON straight into its file, not through JsonLines.toJson's String
        EventBus bus = new EventBus();
        List<ServerEvent> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventBus.Subscription seen = bus.subscribe("test", published::add);
        try (EventSpool spool = EventSpool.open(bus)) {
            bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER, "quote \" back\\slash\nnew line é ✓ \u0001"));
            publishSome(bus, 3);
            Path first = out.resolve("first.jsonl");
            assertThat(spool.export(EventSpool.Format.JSON_LINES, first)).isEqualTo(8);
            bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER, "after the first export"));
            Path second = out.resolve("second.jsonl");
            assertThat(spool.export(EventSpool.Format.JSON_LINES, second)).isEqualTo(9);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> published.size() == 9);
            seen.close();
            assertThat(Files.readAllLines(second, StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(published.stream().map(JsonLines::toJson).toList());
            assertThat(Files.readString(second, StandardCharsets.UTF_8)).endsWith("}" + System.lineSeparator());
        }
    }

    @Test
    void theSpoolIsCompressedOnDiskAndExportsTheSameTextTwiceInARow() throws Exception {
        EventBus bus = new EventBus();
        try (EventSpool spool = EventSpool.open(bus)) {
            publishSome(bus, 5_000);
            Path first = out.resolve("first.jsonl");
            long lines = spool.export(EventSpool.Format.JSON_LINES, first);
            assertThat(lines).isEqualTo(10_001);
            publishSome(bus, 10);
            Path second = out.resolve("second.jsonl");
            assertThat(spool.export(EventSpool.Format.JSON_LINES, second)).isEqualTo(10_022);
            List<String> again = Files.readAllLines(second, StandardCharsets.UTF_8);
            assertThat(again.subList(0, 10_001)).isEqualTo(Files.readAllLines(first, StandardCharsets.UTF_8));
            assertThat(again.get(again.size() - 1)).contains("StateChanged");
            long onDisk;
            try (var files = Files.walk(spool.directory())) {
                onDisk = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            Path strace = out.resolve("second.txt");
            spool.export(EventSpool.Format.STRACE, strace);
            long text = Files.size(second) + Files.size(strace);
            assertThat(onDisk).as("compressed bytes on disk against %d bytes of text", text).isLessThan(text / 4);
        }
    }

    @Test
    void aSpoolAtItsCapStopsAndEveryExportSaysWhatIsMissing() throws Exception {
        EventBus bus = new EventBus();
        List<ServerEvent> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        // keep-all: a listener that may drop skips what it falls a ring behind on, and on a loaded machine it
        // once skipped the very notice this test waits for (the test publishes 60,000 events in a burst)
        try (EventBus.Subscription seen = bus.subscribe("notices", EventTypes.only(ServerEvent.Notice.class),
                notices::add, EventBus.RING_SIZE - 1, EventBus.Delivery.KEEP_ALL);
                EventSpool spool = new EventSpool(JsonLines::toJson, StraceFormat::line, 20_000).listenTo(bus)) {
            publishSome(bus, 30_000);
            Path file = out.resolve("capped.jsonl");
            EventSpool.IncompleteExport[] caught = new EventSpool.IncompleteExport[1];
            try {
                spool.export(EventSpool.Format.JSON_LINES, file, 10_000);
            } catch (EventSpool.IncompleteExport e) {
                caught[0] = e;
            }
            assertThat(caught[0]).as("the export says it is incomplete").isNotNull();
            assertThat(caught[0]).hasMessageContaining("limit of 19 KB");
            // every event is either in the file or counted as missing (the notice the spool publishes at its cap
            // is itself an event it cannot keep)
            assertThat(caught[0].written() + caught[0].missing()).isBetween(60_001L, 60_002L);
            assertThat(caught[0].missing()).isPositive();
            assertThatThrownBy(() -> spool.export(EventSpool.Format.STRACE, out.resolve("capped.txt"), 10_000))
                    .isInstanceOf(EventSpool.IncompleteExport.class);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"ExportIncomplete\"")
                    .contains("\"missing\":" + caught[0].missing());
            assertThat(Files.readString(out.resolve("capped.txt"))).contains("events are missing from this export")
                    .contains("limit");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> notices.stream()
                    .anyMatch(e -> ((ServerEvent.Notice) e).text().contains("reached its limit")));
        }
    }

    @Test
    void spoolsOfEndedProcessesAreDeletedAndLiveOnesKept(@TempDir Path temp) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        Path stale = Files.createDirectories(temp.resolve(StaleSpools.PREFIX + "pid" + ended.pid() + "-123"));
        Files.writeString(stale.resolve("events.jsonl.gz"), "x");
        Path mine = Files.createDirectories(temp.resolve(StaleSpools.prefixForThisProcess() + "456"));
        Path unrelated = Files.createDirectories(temp.resolve("socketstage-spool-789"));

        assertThat(StaleSpools.clean(temp)).containsExactly(stale);

        assertThat(stale).doesNotExist();
        assertThat(mine).exists();
        assertThat(unrelated).as("a folder not named by its process is not ours to judge").exists();
    }
}
