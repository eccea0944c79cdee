package org.socketstage.ui.schematic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.TestEvents;
import org.socketstage.event.Step;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.settings.PacingMode;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.schematic.StageFrame.EnvelopeFigure;
import org.socketstage.ui.schematic.StageFrame.RowFigure;
import org.socketstage.ui.text.UiText;

/** Given events, the stage holds these objects, slots and envelopes; no stage or FX thread needed. */
class SchematicViewModelTest {

    private static final int PORT = 9090;
    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final SchematicViewModel vm = new SchematicViewModel(UiText.load(), clock::get);
    private final List<ServerEvent> fed = new ArrayList<>();
    private final TestEvents events = new TestEvents();

    private void feed(ServerEvent... events) {
        for (ServerEvent e : events) {
            fed.add(e);
            vm.apply(e);
        }
        vm.publish();
    }

    private StageFrame frame() {
        return vm.frame();
    }

    // --- events, built with the engine's own records by the tests' one builder

    private void listening(int backlog) {
        feed(events.returned(Actor.SERVER, Step.SOCKET, "socket", CallArgs.of("AF_INET, SOCK_STREAM, 0"), 3, null, null, null),
                events.returned(Actor.SERVER, Step.SETSOCKOPT, "setsockopt", CallArgs.of("3, SOL_SOCKET, SO_REUSEADDR, [1], 4"), 0,
                        null, null, null),
                events.returned(Actor.SERVER, Step.BIND, "bind", CallArgs.of("3, {...}, 16"), 0, null, SockAddrIn.loopback(PORT), null),
                events.started(Actor.SERVER, Step.LISTEN, "listen", CallArgs.listen(3, backlog)),
                events.returned(Actor.SERVER, Step.LISTEN, "listen", CallArgs.listen(3, backlog), 0, null, null, null));
    }

    private static SockAddrIn peer(int port) {
        return SockAddrIn.loopback(port);
    }

    private ServerEvent.CallReturned accept(int fd, int peerPort) {
        return events.returned(Actor.SERVER, Step.ACCEPT, "accept", CallArgs.of("3, {...}, [16]"), fd, null, peer(peerPort), null);
    }

    private ServerEvent.CallReturned recv(int fd, int peerPort, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return events.returned(Actor.connection(fd, peer(peerPort)), Step.RECV, "recv", CallArgs.of(fd + ", ..."), data.length, data,
                null, null);
    }

    private ServerEvent.CallReturned send(int fd, int peerPort, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return events.returned(Actor.connection(fd, peer(peerPort)), Step.SEND, "send", CallArgs.of(fd + ", ..."), data.length, data,
                null, null);
    }

    private ServerEvent.CallReturned closeConnection(int fd, int peerPort) {
        return events.returned(Actor.connection(fd, peer(peerPort)), Step.CLOSE_CLIENT, "close", CallArgs.of(Integer.toString(fd)), 0,
                null, null, null);
    }

    /** A client of the Clients tab: socket() with its panel number, as TeachingClient reports it. */
    private ServerEvent.CallReturned clientSocket(int number, int fd) {
        return events.returned(Actor.client(fd, null), Step.SOCKET, "socket", CallArgs.of("AF_INET, SOCK_STREAM, 0"), fd, null, null,
                "client #" + number + " of the client panel");
    }

    private ServerEvent.CallStarted clientConnect(int fd) {
        return events.started(Actor.client(fd, null), Step.ACCEPT, "connect", CallArgs.connect(fd, SockAddrIn.loopback(PORT)));
    }

    private ServerEvent.CallReturned clientConnected(int fd) {
        return events.returned(Actor.client(fd, null), Step.ACCEPT, "connect", CallArgs.connect(fd, SockAddrIn.loopback(PORT)), 0,
                null, SockAddrIn.loopback(PORT), null);
    }

    private ServerEvent.CallReturned clientLocal(int fd, int port) {
        return events.returned(Actor.client(fd, null), Step.SOCKADDR, "getsockname", CallArgs.of(fd + ", ..., [16]"), 0, null,
                peer(port), null);
    }

    private ServerEvent.KernelChanged kernel(int queued, int limit, long overflows, TcpSocketRow... rows) {
        List<TcpSocketRow> all = new ArrayList<>();
        all.add(row(TcpState.LISTEN, PORT, 0, queued));
        all.addAll(List.of(rows));
        return events.kernel(new KernelSnapshot(PORT, true, "",
                all, OptionalInt.of(queued), OptionalInt.of(4096), OptionalInt.of(limit), OptionalLong.of(overflows)));
    }

    private static TcpSocketRow row(TcpState state, int localPort, int remotePort, long rx) {
        return new TcpSocketRow(state, "127.0.0.1", localPort, "127.0.0.1", remotePort, 0, rx, 0, false);
    }

    private List<EnvelopeFigure> flying() {
        return frame().envelopes().stream().filter(e -> !e.resting()).toList();
    }

    private RowFigure row(int index) {
        return frame().rows().get(index);
    }

    // --- the tests

    @Test
    void socketBindAndListenBuildTheListenerAndOpenTheQueueWithTheKernelsLimit() {
        assertThat(frame().listener().exists()).isFalse();
        listening(2);
        StageFrame f = frame();
        assertThat(f.listener().title()).isEqualTo("listening socket fd 3");
        assertThat(f.listener().address()).isEqualTo("127.0.0.1:9090");
        assertThat(f.listener().state()).startsWith("LISTEN");
        assertThat(f.queue().open()).isTrue();
        assertThat(f.queue().slots()).as("backlog 2: Linux keeps backlog + 1").hasSize(3);
        assertThat(f.queue().title()).isEqualTo("accept queue 0/3");
        assertThat(f.queue().limit()).isEqualTo("backlog 2 (kernel not read)");

        feed(kernel(0, 5, 0));
        assertThat(frame().queue().slots()).as("the kernel's effective limit wins").hasSize(6);
        assertThat(frame().queue().title()).isEqualTo("accept queue 0/6");
        assertThat(frame().queue().limit()).isEqualTo("limit 5, the kernel's count");
    }

    @Test
    void aClientsConnectSendsSynThenSynAckAndAckAndDropsItsConnectionIntoASlot() {
        vm.pacingProperty().set(PacingMode.STEP);
        listening(5);
        feed(clientSocket(1, 7), clientConnect(7));
        assertThat(flying()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(PacketKind.SYN);
            assertThat(e.toServer()).isTrue();
            assertThat(e.serverEnd()).isEqualTo(Envelope.ServerEnd.LISTENER);
            assertThat(e.label()).isEqualTo("SYN");
        });

        feed(clientConnected(7), clientLocal(7, 50001));
        assertThat(flying()).extracting(EnvelopeFigure::kind)
                .containsExactly(PacketKind.SYN, PacketKind.SYN_ACK, PacketKind.ACK);
        assertThat(flying()).extracting(EnvelopeFigure::toServer).containsExactly(true, false, true);
        assertThat(flying().get(2).serverEnd()).isEqualTo(Envelope.ServerEnd.QUEUE);
        assertThat(frame().queue().slots().get(0).filled()).isTrue();
        assertThat(frame().queue().slots().get(0).label()).isEqualTo("50001");
        assertThat(row(0).client().title()).isEqualTo("client #1 · fd 7");
        assertThat(row(0).client().line()).as("the state alone: the slot and the details name the address")
                .isEqualTo("in the accept queue");
        assertThat(row(0).connection()).as("no server socket before accept(), only its place in the queue")
                .satisfies(c -> {
                    assertThat(c.placeholder()).isTrue();
                    assertThat(c.title()).isEqualTo("in queue slot 1");
                    assertThat(c.line()).isEqualTo("no fd until accept()");
                });
    }

    @Test
    void theLegsOfOneCallFlyOneAfterTheOtherWithinTheRunDelay() {
        vm.pacingProperty().set(PacingMode.RUN);
        vm.delayMillisProperty().set(600);
        listening(5);
        long now = clock.get();
        feed(kernel(1, 5, 0, row(TcpState.ESTABLISHED, PORT, 50001, 0), row(TcpState.ESTABLISHED, 50001, PORT, 0)));
        List<EnvelopeFigure> legs = flying();
        assertThat(legs).extracting(EnvelopeFigure::kind).containsExactly(PacketKind.SYN, PacketKind.SYN_ACK, PacketKind.ACK);
        for (int i = 1; i < legs.size(); i++) {
            assertThat(legs.get(i).launch()).isEqualTo(legs.get(i - 1).lands());
        }
        assertThat(legs.get(2).lands() - now).as("within 80% of the 600 ms delay").isLessThanOrEqualTo(480 * MS);

        vm.pacingProperty().set(PacingMode.STEP);
        assertThat(vm.budgetNanos()).isEqualTo(SchematicViewModel.STEP_ANIMATION.toNanos());
        vm.reduceMotionProperty().set(true);
        assertThat(vm.budgetNanos()).isZero();
    }

    @Test
    void anOutsideClientSeenInTheKernelsTableIsQueuedAndAcceptLiftsItIntoItsOwnSocket() {
        listening(5);
        feed(kernel(1, 5, 0, row(TcpState.ESTABLISHED, PORT, 50001, 0)));
        assertThat(row(0).client().title()).as("an outside client is named by its address").isEqualTo("127.0.0.1:50001");
        assertThat(frame().queue().slots().get(0).peerId()).isEqualTo(row(0).id());

        feed(accept(4, 50001));
        assertThat(frame().queue().slots()).noneMatch(StageFrame.SlotFigure::filled);
        assertThat(row(0).connection().title()).isEqualTo("fd 4 ↔ 127.0.0.1:50001");
        assertThat(row(0).liftedFromSlot()).as("accept() lifts it out of slot 1").isZero();
        assertThat(row(0).client().line()).isEqualTo("accepted as fd 4");

        feed(recv(4, 50001, "hello\n"));
        assertThat(row(0).liftedFromSlot()).as("the lift is animated once").isEqualTo(-1);
    }

    @Test
    void dataTravelsWithItsByteCountAndFirstCharacters() {
        listening(5);
        feed(accept(4, 50001));
        clock.addAndGet(5_000 * MS);
        feed(recv(4, 50001, "hello world, how are you\n"));
        EnvelopeFigure in = flying().get(flying().size() - 1);
        assertThat(in.kind()).isEqualTo(PacketKind.DATA);
        assertThat(in.toServer()).isTrue();
        assertThat(in.label()).isEqualTo("25 B “hello world,…”");
        clock.addAndGet(5_000 * MS);
        feed(send(4, 50001, "hi\n"));
        assertThat(flying()).singleElement().satisfies(e -> {
            assertThat(e.toServer()).isFalse();
            assertThat(e.label()).isEqualTo("3 B “hi\\n”");
            assertThat(e.serverEnd()).isEqualTo(Envelope.ServerEnd.CONNECTION);
        });
        assertThat(row(0).connection().line()).contains("in 25 B", "out 3 B");
    }

    @Test
    void liveModeCountsEchoesIntoOneEnvelopePerKindAndRow() {
        vm.pacingProperty().set(PacingMode.LIVE);
        listening(5);
        feed(accept(4, 50001));
        clock.addAndGet(5_000 * MS);
        vm.publish();
        for (int i = 0; i < 37; i++) {
            feed(recv(4, 50001, "hello\n"), send(4, 50001, "hello\n"));
        }
        List<EnvelopeFigure> data = flying().stream().filter(e -> e.kind() == PacketKind.DATA).toList();
        assertThat(data).hasSize(2);
        assertThat(data).allMatch(e -> e.count() == 37);
        assertThat(data).extracting(EnvelopeFigure::label).containsExactlyInAnyOrder("×37 sends · 222 B", "×37 echoes · 222 B");
    }

    @Test
    void whenFewerRowsFitTheRowsRegroupAtOnceWhileThePacketsFlyOn() {
        vm.pacingProperty().set(PacingMode.RUN);
        vm.delayMillisProperty().set(600);
        listening(64);
        vm.setMaxRows(8);
        for (int i = 0; i < 6; i++) {
            feed(accept(4 + i, 50001 + i));
        }
        feed(recv(4, 50001, "hello\n"));
        assertThat(frame().motionNanos()).as("a call of the server moves its figures").isPositive();
        List<EnvelopeFigure> before = flying();
        assertThat(before).isNotEmpty();

        vm.setMaxRows(3);
        assertThat(frame().rows()).hasSize(2);
        assertThat(frame().group().count()).isEqualTo(4);
        assertThat(frame().motionNanos()).as("a smaller window is no event: nothing fades").isZero();
        assertThat(flying()).as("the packet in flight still flies").isNotEmpty();
    }

    @Test
    void clientsPastTheRowsThatFitShareOneGroupRowAndItsEnvelopes() {
        vm.pacingProperty().set(PacingMode.LIVE);
        listening(64);
        vm.setMaxRows(8);
        for (int i = 0; i < 50; i++) {
            feed(accept(4 + i, 50001 + i));
        }
        assertThat(frame().rows()).hasSize(7);
        assertThat(frame().group().count()).isEqualTo(43);
        assertThat(frame().group().title()).isEqualTo("+43 more clients");
        assertThat(frame().group().line()).as("no queued or waiting ones among them").isEqualTo("43 connected");
        clock.addAndGet(5_000 * MS);
        vm.publish();
        for (int i = 0; i < 50; i++) {
            feed(send(4 + i, 50001 + i, "hello\n"));
        }
        List<EnvelopeFigure> echoes = flying();
        assertThat(echoes).hasSize(8).as("7 drawn rows and the group");
        assertThat(echoes.stream().filter(e -> e.rowId() == StageModel.GROUP)).singleElement()
                .satisfies(e -> assertThat(e.count()).isEqualTo(43));
    }

    @Test
    void aFullQueueLeavesClientsInSynSentAndShowsTheirSynsDropped() {
        listening(1);
        feed(kernel(2, 1, 10,
                row(TcpState.ESTABLISHED, PORT, 50001, 0), row(TcpState.ESTABLISHED, 50001, PORT, 0),
                row(TcpState.ESTABLISHED, PORT, 50002, 0), row(TcpState.ESTABLISHED, 50002, PORT, 0),
                row(TcpState.SYN_SENT, 50003, PORT, 0), row(TcpState.SYN_SENT, 50004, PORT, 0)));
        assertThat(frame().queue().slots()).hasSize(2).allMatch(StageFrame.SlotFigure::filled);
        assertThat(frame().rows()).hasSize(4);
        assertThat(row(2).client().title()).isEqualTo("127.0.0.1:50003");
        assertThat(row(2).client().line()).contains("SYN_SENT", "dropped");
        assertThat(row(2).connection()).as("the server has nothing for a dropped SYN").isNull();
        assertThat(frame().queue().note()).startsWith("Full: 2 client(s) wait in SYN_SENT");
        assertThat(frame().queue().noteTone()).isEqualTo(StageFrame.Tone.FAIL);
        assertThat(flying()).filteredOn(EnvelopeFigure::dropped).hasSize(2)
                .allMatch(e -> e.kind() == PacketKind.SYN && e.label().equals("SYN ✕ dropped"));

        feed(kernel(2, 1, 11,
                row(TcpState.ESTABLISHED, PORT, 50001, 0), row(TcpState.ESTABLISHED, 50001, PORT, 0),
                row(TcpState.ESTABLISHED, PORT, 50002, 0), row(TcpState.ESTABLISHED, 50002, PORT, 0),
                row(TcpState.SYN_SENT, 50003, PORT, 0), row(TcpState.SYN_SENT, 50004, PORT, 0)));
        assertThat(frame().envelopes()).as("ListenOverflows rose: one more SYN dropped")
                .filteredOn(EnvelopeFigure::dropped).extracting(EnvelopeFigure::rowId).contains(row(2).id());
    }

    @Test
    void aRefusedConnectIsAnRstFromTheServersKernel() {
        feed(clientSocket(1, 7), clientConnect(7),
                events.failed(Actor.client(7, null), Step.ACCEPT, "connect", CallArgs.connect(7, SockAddrIn.loopback(PORT)),
                        "ECONNREFUSED"));
        assertThat(flying()).extracting(EnvelopeFigure::kind).containsExactly(PacketKind.SYN, PacketKind.RST);
        assertThat(flying().get(1).toServer()).isFalse();
        assertThat(row(0).client().line()).startsWith("ECONNREFUSED");
        assertThat(row(0).client().tone()).isEqualTo(StageFrame.Tone.FAIL);

        feed(events.returned(Actor.client(7, null), Step.CLOSE_CLIENT, "close", CallArgs.of("7"), 0, null, null, null));
        assertThat(frame().rows()).as("a refusal stays to be seen after the client closed").hasSize(1);
    }

    @Test
    void theServerClosingFirstSendsFinAndItsTimeWaitFadesWhenTheKernelDropsIt() {
        listening(5);
        feed(accept(4, 50001));
        clock.addAndGet(5_000 * MS);
        feed(closeConnection(4, 50001));
        assertThat(flying()).extracting(EnvelopeFigure::kind).containsExactly(PacketKind.FIN, PacketKind.ACK);
        assertThat(flying()).extracting(EnvelopeFigure::toServer).containsExactly(false, true);

        feed(kernel(0, 5, 0, row(TcpState.TIME_WAIT, PORT, 50001, 0)));
        assertThat(row(0).connection().title()).isEqualTo("TIME_WAIT");
        assertThat(row(0).connection().tone()).isEqualTo(StageFrame.Tone.DIM);

        feed(kernel(0, 5, 0));
        assertThat(frame().rows()).as("gone from the kernel, but its FIN is still on its way").hasSize(1);
        clock.addAndGet(5_000 * MS);
        vm.settle();
        assertThat(frame().rows()).as("the kernel dropped TIME_WAIT: the connection is gone").isEmpty();
    }

    @Test
    void aClientAbortingWithLingerZeroSendsRstAndTheServerSeesTheReset() {
        listening(5);
        feed(clientSocket(1, 7), clientConnect(7), clientConnected(7), clientLocal(7, 50001), accept(4, 50001));
        clock.addAndGet(5_000 * MS);
        feed(events.returned(Actor.client(7, peer(50001)), Step.SETSOCKOPT, "setsockopt", CallArgs.linger(7, true, 0), 0, null, null, null),
                events.returned(Actor.client(7, peer(50001)), Step.CLOSE_CLIENT, "close", CallArgs.of("7"), 0, null, null, null),
                events.failed(Actor.connection(4, peer(50001)), Step.RECV, "recv", CallArgs.of("4, ..."), "ECONNRESET"));
        assertThat(flying()).extracting(EnvelopeFigure::kind).containsExactly(PacketKind.RST);
        assertThat(flying().get(0).serverEnd()).isEqualTo(Envelope.ServerEnd.CONNECTION);
        assertThat(row(0).connection().line()).contains("reset (ECONNRESET)");
    }

    @Test
    void aBuiltInClientsRowReplacesTheOutsideRowTheKernelShowedFirst() {
        listening(5);
        feed(clientSocket(1, 7), clientConnect(7),
                kernel(1, 5, 0, row(TcpState.ESTABLISHED, PORT, 50001, 0)));
        assertThat(frame().rows()).hasSize(2);
        feed(clientConnected(7), clientLocal(7, 50001));
        assertThat(frame().rows()).singleElement()
                .satisfies(r -> assertThat(r.client().title()).isEqualTo("client #1 · fd 7"));
        assertThat(frame().queue().slots().get(0).peerId()).isEqualTo(row(0).id());
    }

    @Test
    void replayingAfterResetRebuildsTheEndStateWithoutAnimating() {
        listening(5);
        feed(clientSocket(1, 7), clientConnect(7), clientConnected(7), clientLocal(7, 50001), accept(4, 50001),
                recv(4, 50001, "hello\n"), send(4, 50001, "hello\n"));
        StageFrame live = frame();
        assertThat(live.animate()).isTrue();
        assertThat(flying()).isNotEmpty();

        vm.reset();
        for (ServerEvent e : fed) {
            vm.apply(e);
        }
        vm.publish();
        StageFrame rebuilt = frame();
        assertThat(rebuilt.animate()).isFalse();
        assertThat(rebuilt.envelopes()).as("only the last packet of each row, at rest")
                .singleElement().satisfies(e -> {
                    assertThat(e.resting()).isTrue();
                    assertThat(e.label()).isEqualTo("6 B “hello\\n”");
                });
        assertThat(rebuilt.rows()).extracting(RowFigure::connection).isEqualTo(live.rows().stream().map(RowFigure::connection).toList());
        assertThat(rebuilt.rows()).extracting(RowFigure::liftedFromSlot).containsExactly(-1);
        assertThat(rebuilt.listener()).isEqualTo(live.listener());
        assertThat(rebuilt.queue()).isEqualTo(live.queue());
    }

    @Test
    void whenTheFlightsHaveLandedNothingIsLeftInFlight() {
        vm.pacingProperty().set(PacingMode.STEP);
        listening(5);
        feed(clientSocket(1, 7), clientConnect(7), clientConnected(7));
        assertThat(flying()).hasSize(3);
        long lastLanding = flying().stream().mapToLong(EnvelopeFigure::lands).max().orElseThrow();
        clock.set(lastLanding + 1);
        vm.settle();
        assertThat(flying()).isEmpty();
        assertThat(frame().envelopes()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(PacketKind.ACK));
    }

    @Test
    void clickingAFigureShowsItsDetailsAndTheCallThatMadeIt() {
        listening(5);
        vm.select(FigureRef.LISTENER);
        assertThat(vm.detailsProperty().get().title()).isEqualTo("listening socket fd 3");
        assertThat(vm.detailsProperty().get().lines())
                .contains("made by: [server] socket(AF_INET, SOCK_STREAM, 0) = 3")
                .anyMatch(l -> l.startsWith("bound by: [server] bind("));

        feed(clientSocket(1, 7), clientConnect(7));
        long envelope = flying().get(0).id();
        vm.select(new FigureRef(FigureRef.Kind.ENVELOPE, envelope));
        assertThat(vm.detailsProperty().get().title()).isEqualTo("Packet: SYN");
        assertThat(vm.detailsProperty().get().lines())
                .anyMatch(l -> l.startsWith("inferred from: [client 7] connect(7, {sa_family=AF_INET"))
                .anyMatch(l -> l.contains("Not a capture"));

        feed(clientConnected(7), clientLocal(7, 50001));
        vm.select(new FigureRef(FigureRef.Kind.SLOT, 0));
        assertThat(vm.detailsProperty().get().title()).isEqualTo("accept queue slot 1 of 6");
        assertThat(vm.detailsProperty().get().lines()).contains("holds: client #1 127.0.0.1:50001");

        feed(accept(4, 50001));
        vm.select(new FigureRef(FigureRef.Kind.CONNECTION, row(0).id()));
        assertThat(vm.detailsProperty().get().lines()).anyMatch(l -> l.startsWith("made by: [server] accept(3"));
    }

    @Test
    void reduceMotionLandsEveryPacketAtOnce() {
        vm.reduceMotionProperty().set(true);
        listening(5);
        feed(clientSocket(1, 7), clientConnect(7), clientConnected(7));
        assertThat(flying()).isEmpty();
        assertThat(frame().motionNanos()).isZero();
        assertThat(frame().envelopes()).singleElement().satisfies(e -> assertThat(e.resting()).isTrue());
    }

    @Test
    void durationsCanBeSetToZeroForTests() {
        vm.setAnimationDurations(Duration.ZERO, Duration.ZERO);
        vm.pacingProperty().set(PacingMode.STEP);
        assertThat(vm.budgetNanos()).isZero();
    }
}
