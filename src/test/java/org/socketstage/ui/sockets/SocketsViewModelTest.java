package org.socketstage.ui.sockets;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.text.UiText;

class SocketsViewModelTest {

    private static final int PORT = 9090;
    private final SocketsViewModel vm = new SocketsViewModel(UiText.load());
    private final TestEvents ev = new TestEvents();

    private void feed(ServerEvent... events) {
        for (ServerEvent e : events) {
            vm.apply(e);
        }
        vm.publish();
    }

    private static TcpSocketRow row(TcpState state, int localPort, int remotePort, long rx) {
        return new TcpSocketRow(state, "127.0.0.1", localPort, "127.0.0.1", remotePort, 0, rx, 1, false);
    }

    private static KernelSnapshot snapshot(int waiting, long overflows, TcpSocketRow... rows) {
        return new KernelSnapshot(PORT, true, "", List.of(rows), OptionalInt.of(waiting), OptionalInt.of(4096),
                OptionalInt.of(2), OptionalLong.of(overflows));
    }

    private void listening() {
        feed(ev.ok(Step.SOCKET, "socket", "", 3, null),
                ev.ok(Step.BIND, "bind", "", 0, SockAddrIn.loopback(PORT)),
                ev.listenStarted(3, 2),
                ev.ok(Step.LISTEN, "listen", "3, 2", 0, null));
    }

    @Test
    void theListeningSocketShowsItsFdAddressAndState() {
        listening();
        ListenerCard l = vm.listenerProperty().get();
        assertThat(l.fd()).isEqualTo(3);
        assertThat(l.address()).isEqualTo("127.0.0.1:9090");
        assertThat(l.state()).contains("LISTEN");
        assertThat(l.failed()).isFalse();
    }

    @Test
    void aFailedBindLeavesTheSocketUnbound() {
        feed(ev.ok(Step.SOCKET, "socket", "", 3, null), ev.failed(Step.BIND, "bind", "", "EADDRINUSE", false));
        assertThat(vm.listenerProperty().get().failed()).isTrue();
        assertThat(vm.listenerProperty().get().state()).contains("bind() failed");
    }

    @Test
    void theQueueIsTheKernelsCountWithTheEffectiveLimit() {
        listening();
        feed(ev.kernel(snapshot(3, 10,
                row(TcpState.LISTEN, PORT, 0, 3),
                row(TcpState.ESTABLISHED, PORT, 50001, 0), row(TcpState.ESTABLISHED, PORT, 50002, 0),
                row(TcpState.ESTABLISHED, PORT, 50003, 0),
                row(TcpState.ESTABLISHED, 50001, PORT, 0))));
        QueueCard q = vm.queueProperty().get();
        assertThat(q.kernelAvailable()).isTrue();
        assertThat(q.waiting()).isEqualTo(3);
        assertThat(q.effectiveLimit()).isEqualTo(2);
        assertThat(q.backlog()).isEqualTo(2);
        assertThat(q.slots()).isEqualTo(3);
        assertThat(q.waitingPeers()).containsExactly("127.0.0.1:50001", "127.0.0.1:50002", "127.0.0.1:50003");
        assertThat(q.full()).as("backlog 2: Linux holds 3, all taken").isTrue();
    }

    @Test
    void clientsLeftInSynSentAndRisingOverflowsShowAsOverflow() {
        listening();
        feed(ev.kernel(snapshot(3, 10, row(TcpState.LISTEN, PORT, 0, 3))));
        feed(ev.kernel(snapshot(3, 14, row(TcpState.LISTEN, PORT, 0, 3), row(TcpState.SYN_SENT, 50009, PORT, 0))));
        QueueCard q = vm.queueProperty().get();
        assertThat(q.stuckClients()).containsExactly("127.0.0.1:50009");
        assertThat(q.namespaceOverflowsRise()).isEqualTo(4);
        assertThat(q.overflowing()).isTrue();
    }

    @Test
    void theWarningNamesThisServersWaitingClientsAndLabelsTheNamespaceCounterAsContext() {
        listening();
        feed(ev.kernel(snapshot(3, 10, row(TcpState.LISTEN, PORT, 0, 3))));
        feed(ev.kernel(snapshot(3, 14, row(TcpState.LISTEN, PORT, 0, 3), row(TcpState.SYN_SENT, 50009, PORT, 0))));
        String line = QueueWarning.of(vm.queueProperty().get(), UiText.load());
        assertThat(line).contains("1 of this server's clients wait in SYN_SENT (127.0.0.1:50009)")
                .contains("not this server's own count").contains("rose by 4").contains("network namespace")
                .contains("final ACKs dropped");
    }

    @Test
    void aRisingCounterAloneIsNotShownAsThisServersOverflow() {
        listening();
        feed(ev.kernel(snapshot(0, 10, row(TcpState.LISTEN, PORT, 0, 0))));
        feed(ev.kernel(snapshot(0, 250, row(TcpState.LISTEN, PORT, 0, 0))));
        QueueCard q = vm.queueProperty().get();
        assertThat(q.namespaceOverflowsRise()).as("another listener overflowed").isEqualTo(240);
        assertThat(q.overflowing()).isFalse();
        assertThat(QueueWarning.of(q, UiText.load())).isEmpty();
    }

    @Test
    void anAcceptedConnectionLeavesTheQueueAndCountsItsBytes() {
        listening();
        SockAddrIn peer = SockAddrIn.loopback(50001);
        feed(ev.kernel(snapshot(1, 0, row(TcpState.LISTEN, PORT, 0, 1), row(TcpState.ESTABLISHED, PORT, 50001, 0))),
                ev.ok(Step.ACCEPT, "accept", "3, ...", 4, peer),
                ev.kernel(snapshot(0, 0, row(TcpState.LISTEN, PORT, 0, 0), row(TcpState.ESTABLISHED, PORT, 50001, 0))),
                ev.conn(4, peer, Step.RECV, "recv", 6),
                ev.conn(4, peer, Step.SEND, "send", 6));
        assertThat(vm.queueProperty().get().waitingPeers()).isEmpty();
        assertThat(vm.connections()).hasSize(1);
        ConnectionCard c = vm.connections().get(0);
        assertThat(c.fd()).isEqualTo(4);
        assertThat(c.peer()).isEqualTo("127.0.0.1:50001");
        assertThat(c.bytesIn()).isEqualTo(6);
        assertThat(c.bytesOut()).isEqualTo(6);
        assertThat(c.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(c.kernelState()).isEqualTo("ESTABLISHED");
    }

    @Test
    void aClassOfConnectionsDrawsTheFirstAcceptedAndCountsTheRest() {
        listening();
        int accepted = SocketsViewModel.MAX_DRAWN + 6;
        for (int i = 0; i < accepted; i++) {
            feed(ev.ok(Step.ACCEPT, "accept", "", 4 + i, SockAddrIn.loopback(50000 + i)));
        }
        assertThat(vm.connections()).hasSize(SocketsViewModel.MAX_DRAWN);
        assertThat(vm.connections()).extracting(ConnectionCard::fd).first().isEqualTo(4);
        assertThat(vm.connections()).extracting(ConnectionCard::fd).last().isEqualTo(3 + SocketsViewModel.MAX_DRAWN);
        assertThat(vm.notDrawnProperty().get()).isEqualTo(6);
        assertThat(vm.totalsProperty().get().accepted()).isEqualTo(accepted);

        // a drawn one goes: the next accepted takes its place
        SockAddrIn first = SockAddrIn.loopback(50000);
        feed(ev.conn(4, first, Step.CLOSE_CLIENT, "close", 0), ev.kernel(snapshot(0, 0, row(TcpState.LISTEN, PORT, 0, 0))));
        for (int i = 0; i < SocketsViewModel.MAX_GONE_SHOWN + 1; i++) {
            int fd = 5 + i;
            feed(ev.conn(fd, SockAddrIn.loopback(50001 + i), Step.CLOSE_CLIENT, "close", 0),
                    ev.kernel(snapshot(0, 0, row(TcpState.LISTEN, PORT, 0, 0))));
        }
        assertThat(vm.connections()).hasSize(SocketsViewModel.MAX_DRAWN);
        assertThat(vm.notDrawnProperty().get()).isEqualTo(6 - 2);
    }

    @Test
    void afterCloseTimeWaitIsShownWhileTheKernelHoldsItThenItIsGone() {
        listening();
        SockAddrIn peer = SockAddrIn.loopback(50001);
        feed(ev.ok(Step.ACCEPT, "accept", "", 4, peer), ev.conn(4, peer, Step.CLOSE_CLIENT, "close", 0));
        assertThat(vm.connections().get(0).state()).isEqualTo(ConnectionState.CLOSED);
        feed(ev.kernel(snapshot(0, 0, row(TcpState.LISTEN, PORT, 0, 0), row(TcpState.TIME_WAIT, PORT, 50001, 0))));
        assertThat(vm.connections().get(0).state()).isEqualTo(ConnectionState.TIME_WAIT);
        feed(ev.kernel(snapshot(0, 0, row(TcpState.LISTEN, PORT, 0, 0))));
        assertThat(vm.connections().get(0).state()).isEqualTo(ConnectionState.GONE);
    }

    /** Issue 12: the time-wait demonstration's restart wiped the TIME_WAIT entry its card talks about. */
    @Test
    void aTimeWaitEntryOutlivesItsServerIntoTheNextRunWhoseBindItBlocks() {
        listening();
        SockAddrIn peer = SockAddrIn.loopback(50001);
        feed(ev.ok(Step.ACCEPT, "accept", "", 4, peer), ev.conn(4, peer, Step.CLOSE_CLIENT, "close", 0),
                ev.kernel(snapshot(0, 0, row(TcpState.TIME_WAIT, PORT, 50001, 0))),
                ev.state(org.socketstage.event.ServerState.STOPPED));
        // the next run: its bind() fails with EADDRINUSE because of that entry
        feed(ev.state(org.socketstage.event.ServerState.RUNNING), ev.started(Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"),
                ev.ok(Step.SOCKET, "socket", "", 3, null),
                ev.failed(Step.BIND, "bind", "3, ..., 16", "EADDRINUSE", false),
                ev.kernel(snapshot(0, 0, row(TcpState.TIME_WAIT, PORT, 50001, 0))));
        assertThat(vm.connections()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ConnectionState.TIME_WAIT);
            assertThat(c.peer()).isEqualTo(peer.toString());
        });
        feed(ev.kernel(snapshot(0, 0)));
        assertThat(vm.connections().get(0).state()).isEqualTo(ConnectionState.GONE);

        vm.reset(); // the scrubber starts from nothing: no entry carried over
        vm.publish();
        assertThat(vm.connections()).isEmpty();
    }

    @Test
    void aReusedFdIsANewConnection() {
        listening();
        feed(ev.ok(Step.ACCEPT, "accept", "", 4, SockAddrIn.loopback(50001)),
                ev.conn(4, SockAddrIn.loopback(50001), Step.CLOSE_CLIENT, "close", 0),
                ev.ok(Step.ACCEPT, "accept", "", 4, SockAddrIn.loopback(50002)),
                ev.conn(4, SockAddrIn.loopback(50002), Step.RECV, "recv", 3));
        assertThat(vm.connections()).extracting(ConnectionCard::peer)
                .containsExactly("127.0.0.1:50001", "127.0.0.1:50002");
        assertThat(vm.connections().get(0).bytesIn()).isZero();
        assertThat(vm.connections().get(1).bytesIn()).isEqualTo(3);
    }

    @Test
    void aResetConnectionShowsItsErrno() {
        listening();
        SockAddrIn peer = SockAddrIn.loopback(50001);
        feed(ev.ok(Step.ACCEPT, "accept", "", 4, peer),
                ev.returned(org.socketstage.event.Actor.connection(4, peer), Step.RECV, "recv", "4, ...", -1,
                        org.socketstage.socket.Errno.byName("ECONNRESET").orElseThrow(), true, null, null));
        assertThat(vm.connections().get(0).state()).isEqualTo(ConnectionState.FAILED);
        assertThat(vm.connections().get(0).problem()).isEqualTo("ECONNRESET simulated");
    }

    @Test
    void withoutKernelTablesTheQueueSaysWhy() {
        listening();
        feed(ev.kernel(KernelSnapshot.unavailable(PORT, "no /proc/net/tcp on this system")));
        assertThat(vm.queueProperty().get().kernelAvailable()).isFalse();
        assertThat(vm.queueProperty().get().unavailableReason()).contains("/proc/net/tcp");
    }
}
