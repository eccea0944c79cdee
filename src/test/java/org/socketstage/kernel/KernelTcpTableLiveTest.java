package org.socketstage.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads this machine's real kernel tables while real sockets on loopback change them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelTcpTableLiveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final KernelTcpTable table = KernelTcpTable.system();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void needsLinuxProc() {
        LiveKernel.assumeAvailable();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void threeUnacceptedClientsWaitInTheAcceptQueue() throws IOException {
        ServerSocket server = keep(new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1")));
        int port = server.getLocalPort();
        // the kernel queues min(backlog, somaxconn) + 1 connections; a machine tuned down to 1 cannot queue 3
        assumeTrue(table.somaxconn().orElse(0) >= 2, "needs net.core.somaxconn >= 2 to queue three connections");
        List<Integer> clientPorts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clientPorts.add(keep(new Socket("127.0.0.1", port)).getLocalPort());
        }

        KernelSnapshot s = await().atMost(PATIENCE)
                .until(() -> table.snapshot(port, OptionalInt.of(5)), snap -> snap.acceptQueue().orElse(-1) == 3);

        assertThat(s.available()).isTrue();
        assertThat(s.listenRow()).hasValueSatisfying(listen -> {
            assertThat(listen.local()).isEqualTo("127.0.0.1:" + port);
            assertThat(listen.rxQueue()).isEqualTo(3);
            assertThat(listen.inode()).isPositive();
        });
        assertThat(s.rowsIn(TcpState.ESTABLISHED))
                .filteredOn(r -> r.remotePort() == port)
                .extracting(TcpSocketRow::localPort)
                .containsExactlyInAnyOrderElementsOf(clientPorts);
        assertThat(s.rowsIn(TcpState.ESTABLISHED))
                .filteredOn(r -> r.localPort() == port)
                .extracting(TcpSocketRow::remotePort)
                .containsExactlyInAnyOrderElementsOf(clientPorts);
        assertThat(s.rows()).allSatisfy(r -> {
            assertThat(r.localHost()).isEqualTo("127.0.0.1");
            assertThat(r.remoteHost()).isIn("127.0.0.1", "0.0.0.0", "::");
        });
        assertThat(s.somaxconn()).hasValue(somaxconnAsCatSeesIt());
        assertThat(s.effectiveLimit()).hasValue(Math.min(5, s.somaxconn().getAsInt()));
        assertThat(s.listenOverflows()).isPresent();
    }

    @Test
    void serverClosingFirstLeavesTimeWaitOnTheServerSide() throws IOException {
        ServerSocket server = keep(new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1")));
        int port = server.getLocalPort();
        Socket client = keep(new Socket("127.0.0.1", port));
        Socket accepted = server.accept();

        accepted.close();
        assertThat(client.getInputStream().read()).as("client sees the server's FIN").isEqualTo(-1);
        client.close();

        KernelSnapshot s = await().atMost(PATIENCE)
                .until(() -> table.snapshot(port), snap -> !snap.rowsIn(TcpState.TIME_WAIT).isEmpty());
        assertThat(s.rowsIn(TcpState.TIME_WAIT)).singleElement().satisfies(r -> {
            assertThat(r.localPort()).isEqualTo(port);
            assertThat(r.remotePort()).isEqualTo(client.getLocalPort());
            assertThat(r.inode()).as("no process owns a TIME_WAIT socket").isZero();
        });
    }

    @Test
    void aFullQueueDropsSynsAndRaisesListenOverflows() throws IOException {
        ServerSocket server = keep(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
        int port = server.getLocalPort();
        // backlog 1 lets the kernel queue backlog + 1 = 2 completed connections
        keep(new Socket("127.0.0.1", port));
        keep(new Socket("127.0.0.1", port));
        await().atMost(PATIENCE).until(() -> table.snapshot(port).acceptQueue().orElse(-1) == 2);
        long before = table.listenOverflows().orElseThrow();

        SocketChannel late = keep(SocketChannel.open());
        late.configureBlocking(false);
        late.bind(new InetSocketAddress("127.0.0.1", 0));
        boolean connectedAtOnce = late.connect(new InetSocketAddress("127.0.0.1", port));

        assertThat(connectedAtOnce).isFalse();
        int latePort = ((InetSocketAddress) late.getLocalAddress()).getPort();
        KernelSnapshot s = await().atMost(PATIENCE).until(() -> table.snapshot(port, OptionalInt.of(1)),
                snap -> snap.listenOverflows().orElse(0) > before);
        assertThat(s.effectiveLimit()).hasValue(1);
        assertThat(s.acceptQueue()).hasValue(2);
        assertThat(s.rows()).filteredOn(r -> r.localPort() == latePort)
                .singleElement().extracting(TcpSocketRow::state).isEqualTo(TcpState.SYN_SENT);
    }

    @Test
    void sockDiagAndProcShowTheSameRows() throws IOException {
        assumeTrue(table.asksKernel(), "needs sock_diag (netlink) to be allowed");
        KernelTcpTable proc = new KernelTcpTable(java.nio.file.Path.of("/"));
        ServerSocket server = keep(new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1")));
        int port = server.getLocalPort();
        Socket served = keep(new Socket("127.0.0.1", port));
        keep(server.accept());
        Socket closed = new Socket("127.0.0.1", port);
        Socket closedAccepted = server.accept();
        closedAccepted.close();
        closed.close(); // the server closed first: TIME_WAIT on its side
        keep(new Socket("127.0.0.1", port)); // queued, never accepted
        served.getOutputStream().write(new byte[] {1, 2, 3}); // unread bytes in the accepted socket's queue

        KernelSnapshot viaDiag = await().atMost(PATIENCE).until(() -> table.snapshot(port, OptionalInt.of(5)),
                s -> s.acceptQueue().orElse(-1) == 1 && s.rowsIn(TcpState.TIME_WAIT).size() == 1
                        && s.rows().stream().anyMatch(r -> r.rxQueue() == 3));
        KernelSnapshot viaProc = proc.snapshot(port, OptionalInt.of(5));

        assertThat(viaDiag.rows()).hasSize(6); // listener, two ends of two connections, TIME_WAIT
        assertThat(viaDiag.rows()).containsExactlyElementsOf(viaProc.rows());
        assertThat(viaDiag).isEqualTo(viaProc);
        assertThat(table.listeners(port)).hasValueSatisfying(listeners -> assertThat(listeners)
                .containsExactlyElementsOf(viaDiag.rowsIn(TcpState.LISTEN)));
    }

    @Test
    void aClassOfConnectionsComesBackWholeOverManyNetlinkMessages() throws IOException {
        assumeTrue(table.asksKernel(), "needs sock_diag (netlink) to be allowed");
        int clients = 150; // 301 rows: several of the kernel's dump messages, each read separately
        ServerSocket server = keep(new ServerSocket(0, clients, InetAddress.getByName("127.0.0.1")));
        int port = server.getLocalPort();
        for (int i = 0; i < clients; i++) {
            keep(new Socket("127.0.0.1", port));
            keep(server.accept());
        }
        KernelTcpTable proc = new KernelTcpTable(java.nio.file.Path.of("/"));

        KernelSnapshot viaDiag = table.snapshot(port);
        KernelSnapshot viaProc = proc.snapshot(port);

        assertThat(viaDiag.rows()).hasSize(1 + 2 * clients);
        assertThat(viaDiag.rowsIn(TcpState.ESTABLISHED)).hasSize(2 * clients);
        assertThat(viaDiag.rows()).containsExactlyElementsOf(viaProc.rows());
    }

    @Test
    void theListenersAloneComeOnlyFromTheKernelsOwnInterface() throws IOException {
        ServerSocket server = keep(new ServerSocket(0, 5, InetAddress.getByName("::1")));
        int port = server.getLocalPort();
        keep(new Socket("::1", port));

        assertThat(new KernelTcpTable(java.nio.file.Path.of("/")).listeners(port)).as("/proc has no cheap look")
                .isEmpty();
        assumeTrue(table.asksKernel(), "needs sock_diag (netlink) to be allowed");
        List<TcpSocketRow> listeners = await().atMost(PATIENCE).until(() -> table.listeners(port).orElseThrow(),
                rows -> rows.size() == 1 && rows.get(0).rxQueue() == 1);
        assertThat(listeners.get(0).local()).isEqualTo("[::1]:" + port);
        assertThat(listeners.get(0).ipv6Table()).isTrue();
    }

    /** Read by another program, since a Java read of /proc/sys once gave "4" for 4096 (see ProcFile). */
    private static int somaxconnAsCatSeesIt() throws IOException {
        Process cat = new ProcessBuilder("cat", "/proc/sys/net/core/somaxconn").start();
        try {
            assumeTrue(cat.waitFor(10, TimeUnit.SECONDS) && cat.exitValue() == 0, "needs cat");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return Integer.parseInt(new String(cat.getInputStream().readAllBytes()).trim());
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        toClose.add(0, closeable);
        return closeable;
    }
}
