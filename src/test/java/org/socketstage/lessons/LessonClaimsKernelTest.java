package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.socket.Accepted;
import org.socketstage.socket.NativeSocketApi;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketConstants;
import org.socketstage.socket.SocketOption;
import org.socketstage.socket.SyscallException;

/**
 * The statements the lessons make about the Linux kernel, checked on the real kernel: every test opens real
 * sockets on 127.0.0.1 with ports the kernel picks, and waits on conditions (the socket's own readiness, the
 * kernel's TCP table), never on the clock. When a lesson states one of these behaviours, this is its proof.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LessonClaimsKernelTest {

    /** The calls NativeSocketApi does not offer with the arguments these checks need. */
    interface Libc extends Library {
        int setsockopt(int fd, int level, int name, long[] timeval, int length) throws LastErrorException;

        int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

        int getsockopt(int fd, int level, int name, int[] value, IntByReference length) throws LastErrorException;

        int bind(int fd, byte[] address, int length) throws LastErrorException;

        int accept(int fd, byte[] address, IntByReference length) throws LastErrorException;

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int capget(int[] header, int[] data) throws LastErrorException;

        int capset(int[] header, int[] data) throws LastErrorException;

        int close(int fd);
    }

    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_SNDTIMEO = 21;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_PROTOCOL = 38;
    private static final int IPPROTO_MPTCP = 262;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;
    private static final int CAP_NET_BIND_SERVICE = 10;
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    /** /proc/net/tcp gives timers in clock ticks of USER_HZ, which is 100 on Linux. */
    private static final int USER_HZ = 100;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static NativeSocketApi api;
    private static Libc libc;
    private final Deque<Integer> open = new ArrayDeque<>();

    @BeforeAll
    static void linuxWithLibc() {
        assumeTrue(NativeSocketApi.isSupported(), "needs libc through JNA");
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "these are claims about Linux");
        api = new NativeSocketApi();
        libc = Native.load("c", Libc.class);
    }

    @AfterEach
    void closeEverything() {
        while (!open.isEmpty()) {
            libc.close(open.pop());
        }
    }

    private int track(int fd) {
        open.push(fd);
        return fd;
    }

    private int listener(int backlog) throws SyscallException {
        int fd = track(api.socketTcp());
        api.bind(fd, SockAddrIn.loopback(0));
        api.listen(fd, backlog);
        return fd;
    }

    private int port(int fd) throws SyscallException {
        return api.getsockname(fd).port();
    }

    private int connectTo(int port) throws SyscallException {
        int fd = track(api.socketTcp());
        api.connect(fd, SockAddrIn.loopback(port), 5000);
        return fd;
    }

    /** What the client panel's "Abort (reset)" does: SO_LINGER on with 0 s, then close(): RST instead of FIN. */
    private void abort(int fd) throws SyscallException {
        api.setsockopt(fd, SocketOption.SO_LINGER, 0);
        open.remove(fd);
        api.close(fd);
    }

    private static String errnoOf(ThrowingCall call) {
        try {
            call.run();
            return "no error";
        } catch (SyscallException e) {
            return e.errno().name();
        } catch (LastErrorException e) {
            return org.socketstage.socket.Errno.of(e.getErrorCode()).name();
        }
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws SyscallException;
    }

    /** Statement 2: a reset does not take away what already arrived; recv() hands it over, then the error. */
    @Test
    void aPeerThatResetsAfterSendingStillHasItsDataReadThenEconnresetOnceThenZero() throws Exception {
        int l = listener(5);
        int client = connectTo(port(l));
        int conn = track(api.accept(l).fd());
        api.send(client, "hello".getBytes(), 0, 5, 0);
        abort(client);
        // the RST has arrived once the socket reports an error condition
        await().atMost(WAIT).until(() -> (api.poll(conn, SocketConstants.POLLIN, 100) & SocketConstants.POLLERR) != 0);

        byte[] buf = new byte[100];
        assertThat(api.recv(conn, buf, buf.length, 0)).as("the data sent before the reset").isEqualTo(5);
        assertThat(new String(buf, 0, 5)).isEqualTo("hello");
        assertThat(errnoOf(() -> api.recv(conn, buf, buf.length, 0))).isEqualTo("ECONNRESET");
        assertThat(api.recv(conn, buf, buf.length, 0)).as("after the error is reported once, end of stream").isZero();
    }

    /** Statement 1: on Linux accept() hands over a connection that was reset while it waited in the queue. */
    @Test
    void aQueuedClientThatResetsIsStillAcceptedThenRecvFailsWithEconnresetAndGetpeernameWithEnotconn()
            throws Exception {
        int l = listener(5);
        int serverPort = port(l);
        int client = connectTo(serverPort);
        int clientPort = port(client);
        KernelTcpTable table = KernelTcpTable.system();
        await().atMost(WAIT).until(() -> table.snapshot(serverPort).acceptQueue().orElse(0) == 1);
        abort(client);
        // the reset reached the queued connection once the kernel no longer lists it as a live connection
        await().atMost(WAIT).until(() -> table.snapshot(serverPort).rows().stream()
                .noneMatch(r -> r.localPort() == serverPort && r.remotePort() == clientPort));

        Accepted a = api.accept(l);
        track(a.fd());
        assertThat(a.peer().port()).as("accept() succeeds, not ECONNABORTED as on BSD").isEqualTo(clientPort);
        assertThat(errnoOf(() -> api.getpeername(a.fd()))).isEqualTo("ENOTCONN");
        byte[] buf = new byte[16];
        assertThat(errnoOf(() -> api.recv(a.fd(), buf, buf.length, 0))).isEqualTo("ECONNRESET");
        assertThat(api.recv(a.fd(), buf, buf.length, 0)).isZero();
    }

    /** Statement 5: listen() on a socket nobody bound gives it a port of the kernel's choosing. */
    @Test
    void listenOnAnUnboundSocketBindsItToARandomPort() throws Exception {
        int fd = track(api.socketTcp());
        // the automatic bind is to every address: keep this socket on loopback for the moment it listens
        byte[] lo = "lo\0".getBytes();
        assumeTrue(errnoOf(() -> libc.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, lo, lo.length)).equals("no error"),
                "SO_BINDTODEVICE needs CAP_NET_RAW");
        assertThat(port(fd)).as("no port before listen").isZero();
        api.listen(fd, 1);
        assertThat(port(fd)).isPositive();
    }

    /** Statement 5: EINVAL from listen() is about the socket's state, e.g. one that is already connected. */
    @Test
    void listenOnAConnectedSocketFailsWithEinval() throws Exception {
        int l = listener(5);
        int client = connectTo(port(l));
        assertThat(errnoOf(() -> api.listen(client, 1))).isEqualTo("EINVAL");
    }

    /** listen() has its own -1 check for a reason: it can fail with EADDRINUSE after a successful bind(). */
    @Test
    void listenCanFailWithEaddrinuseWhenAnotherSocketBoundTheSamePortListensFirst() throws Exception {
        int a = track(api.socketTcp());
        int b = track(api.socketTcp());
        api.setsockopt(a, SocketOption.SO_REUSEADDR, 1);
        api.setsockopt(b, SocketOption.SO_REUSEADDR, 1);
        api.bind(a, SockAddrIn.loopback(0));
        api.bind(b, SockAddrIn.loopback(port(a)));
        api.listen(a, 1);
        assertThat(errnoOf(() -> api.listen(b, 1))).isEqualTo("EADDRINUSE");
    }

    /** Statement 7: the socket's family picks the code and addrlen the length; sin_family is only checked. */
    @Test
    void bindChecksTheFamilyFieldAndTheLengthButTakesNeitherAsAnInstruction() throws Exception {
        int fd = track(api.socketTcp());
        byte[] addr = SockAddrIn.loopback(0).structBytes();
        byte[] inet6 = addr.clone();
        inet6[0] = 10; // AF_INET6, in the little-endian family field
        assertThat(errnoOf(() -> libc.bind(fd, inet6, 16))).isEqualTo("EAFNOSUPPORT");
        assertThat(errnoOf(() -> libc.bind(fd, addr, 8))).as("too short for a sockaddr_in").isEqualTo("EINVAL");
        assertThat(errnoOf(() -> libc.bind(fd, addr, 16))).isEqualTo("no error");
    }

    /** accept()'s address length is value-result: in goes the buffer's size, out comes what was written. */
    @Test
    void acceptWritesThePeerAddressAndSetsAddrlenToItsRealSize() throws Exception {
        int l = listener(5);
        int client = connectTo(port(l));
        byte[] peer = new byte[128];
        IntByReference len = new IntByReference(peer.length);
        track(libc.accept(l, peer, len));
        assertThat(len.getValue()).isEqualTo(16);
        assertThat(SockAddrIn.fromStructBytes(java.util.Arrays.copyOf(peer, 16)).port()).isEqualTo(port(client));
    }

    /** Statement 8: a blocking send() waits for room; with SO_SNDTIMEO it returns short, then fails EAGAIN. */
    @Test
    void aBlockingSendWithASendTimeoutReturnsShortAndThenEagainWhenThePeerDoesNotRead() throws Exception {
        int l = listener(5);
        connectTo(port(l)); // the client never reads
        int conn = track(api.accept(l).fd());
        libc.setsockopt(conn, SOL_SOCKET, SO_SNDTIMEO, new long[] {0, 200_000}, 16);
        byte[] big = new byte[32 << 20];
        int first = api.send(conn, big, 0, big.length, 0);
        assertThat(first).as("part of 32 MiB: what fitted in the buffers before the timeout").isPositive()
                .isLessThan(big.length);
        String outcome = "no error";
        for (int i = 0; i < 50 && outcome.equals("no error"); i++) {
            outcome = errnoOf(() -> api.send(conn, big, 0, big.length, 0));
        }
        assertThat(outcome).as("once nothing fits before the timeout").isEqualTo("EAGAIN");
    }

    /** A send() that may not wait (non-blocking, here per call with MSG_DONTWAIT) takes what fits. */
    @Test
    void aSendThatMayNotWaitTakesWhatFitsAndReturnsTheCount() throws Exception {
        int l = listener(5);
        connectTo(port(l));
        int conn = track(api.accept(l).fd());
        byte[] big = new byte[32 << 20];
        int sent = api.send(conn, big, 0, big.length, MSG_DONTWAIT);
        assertThat(sent).isPositive().isLessThan(big.length);
    }

    /** Statement 15: SO_RCVTIMEO makes a blocking recv() give up with EAGAIN. */
    @Test
    void aReceiveTimeoutMakesABlockingRecvFailWithEagain() throws Exception {
        int l = listener(5);
        connectTo(port(l));
        int conn = track(api.accept(l).fd());
        libc.setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, new long[] {0, 100_000}, 16);
        assertThat(errnoOf(() -> api.recv(conn, new byte[8], 8, 0))).isEqualTo("EAGAIN");
    }

    /** Closing the listener resets the connections still waiting in its accept queue. */
    @Test
    void closingTheListenerResetsTheClientsStillInItsQueue() throws Exception {
        int l = listener(5);
        int client = connectTo(port(l));
        open.remove(l);
        api.close(l);
        await().atMost(WAIT).until(() -> (api.poll(client, SocketConstants.POLLIN, 100) & SocketConstants.POLLERR) != 0);
        assertThat(errnoOf(() -> api.recv(client, new byte[8], 8, 0))).isEqualTo("ECONNRESET");
    }

    /** Statement 11: TIME_WAIT is held by the side that closed first, for 60 s on Linux (not 2 × 2 min). */
    @Test
    void timeWaitStaysWithTheSideThatClosedFirstForAtMostSixtySeconds() throws Exception {
        int l = listener(5);
        int serverPort = port(l);
        int client = connectTo(serverPort);
        int clientPort = port(client);
        int conn = api.accept(l).fd();
        api.close(conn); // the server closes first
        assertThat(api.recv(client, new byte[8], 8, 0)).isZero();
        open.remove(client);
        api.close(client);

        Optional<String> row = awaitProcRow(serverPort, clientPort, "06");
        assertThat(row).as("a TIME_WAIT row whose local port is the server's").isPresent();
        assertThat(procRow(clientPort, serverPort, "06")).as("none on the client's side").isEmpty();
        // field 5 is "timer:ticks left"; a TIME_WAIT socket runs timer 3 with 60 s, counted in USER_HZ
        String[] timer = row.get().trim().split("\\s+")[5].split(":");
        assertThat(timer[0]).isEqualTo("03");
        long ticks = Long.parseLong(timer[1], 16);
        assertThat(ticks).isPositive().isLessThanOrEqualTo(60L * USER_HZ);
    }

    /**
     * A /proc/sys value. Read as a stream: Files.readString asks for the file's size (0 here), reads one byte
     * and then gets end-of-file at offset 1, so 1024 would read as "1".
     */
    private static String sysctl(String name) throws IOException {
        try (var in = Files.newInputStream(Path.of("/proc/sys", name))) {
            return new String(in.readAllBytes()).strip();
        }
    }

    private static Optional<String> awaitProcRow(int local, int remote, String state) {
        return await().atMost(WAIT).until(() -> procRow(local, remote, state), Optional::isPresent);
    }

    private static Optional<String> procRow(int local, int remote, String state) throws IOException {
        String l = String.format(":%04X ", local);
        String r = String.format(":%04X ", remote);
        for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 5 && (f[1] + " ").endsWith(l) && (f[2] + " ").endsWith(r) && f[3].equals(state)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** Statement 10: 0 asks for TCP, but TCP is not the only stream protocol an IPv4 socket can have. */
    @Test
    void protocolZeroMeansTcpButMptcpIsAnotherStreamProtocol() throws Exception {
        int tcp = track(api.socketTcp());
        int[] protocol = {0};
        libc.getsockopt(tcp, SOL_SOCKET, SO_PROTOCOL, protocol, new IntByReference(4));
        assertThat(protocol[0]).isEqualTo(SocketConstants.IPPROTO_TCP);
        Path mptcp = Path.of("/proc/sys/net/mptcp/enabled");
        assumeTrue(Files.isReadable(mptcp) && sysctl("net/mptcp/enabled").equals("1"), "MPTCP is switched on here");
        int fd = track(libc.socket(SocketConstants.AF_INET, SocketConstants.SOCK_STREAM, IPPROTO_MPTCP));
        libc.getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, protocol, new IntByReference(4));
        assertThat(protocol[0]).isEqualTo(IPPROTO_MPTCP);
    }

    /** Statement 6: Java's server channel is an IPv6 socket that carries IPv4 as ::ffff:127.0.0.1. */
    @Test
    void aJavaServerChannelIsADualStackIpv6Socket() throws Exception {
        assumeTrue(!Boolean.getBoolean("java.net.preferIPv4Stack"), "the JVM was told to use IPv4 sockets");
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp6")), "this kernel has IPv6");
        try (ServerSocketChannel ch = ServerSocketChannel.open()) {
            ch.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1);
            int p = ((InetSocketAddress) ch.getLocalAddress()).getPort();
            List<TcpSocketRow> rows = KernelTcpTable.system().snapshot(p).rows();
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.state()).isEqualTo(TcpState.LISTEN);
                assertThat(r.ipv6Table()).as("listed in /proc/net/tcp6").isTrue();
                assertThat(r.localHost()).as("the v4-mapped address ::ffff:127.0.0.1").isEqualTo("127.0.0.1");
            });
        }
    }

    /**
     * Statement 13: below net.ipv4.ip_unprivileged_port_start, bind() needs CAP_NET_BIND_SERVICE. Capabilities
     * belong to a thread on Linux, so one thread drops it (if it had it) and tries; the JVM keeps its own.
     */
    @Test
    void aPortBelowTheUnprivilegedStartNeedsCapNetBindService() throws Exception {
        int start = Integer.parseInt(sysctl("net/ipv4/ip_unprivileged_port_start"));
        assumeTrue(start > 1, "every port is unprivileged on this machine");
        CompletableFuture<String[]> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                int[] header = {LINUX_CAPABILITY_VERSION_3, 0};
                int[] caps = new int[6];
                libc.capget(header, caps);
                int[] without = caps.clone();
                without[0] &= ~(1 << CAP_NET_BIND_SERVICE); // effective set, first 32 capabilities
                libc.capset(header, without);
                int low = api.socketTcp();
                int high = api.socketTcp();
                try {
                    result.complete(new String[] {
                        errnoOf(() -> api.bind(low, SockAddrIn.loopback(start - 1))),
                        errnoOf(() -> api.bind(high, SockAddrIn.loopback(0)))});
                } finally {
                    libc.close(low);
                    libc.close(high);
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "no-net-bind-service");
        t.start();
        String[] errnos = result.get(10, TimeUnit.SECONDS);
        assertThat(errnos[0]).as("port " + (start - 1)).isEqualTo("EACCES");
        assertThat(errnos[1]).as("a port the kernel picks").isEqualTo("no error");
    }

    /** Statement 14: TcpExt ListenOverflows is kept per network namespace: a new namespace starts from 0. */
    @Test
    void listenOverflowsIsCountedPerNetworkNamespace() throws Exception {
        long before = KernelTcpTable.system().listenOverflows().orElseThrow();
        // make this namespace's counter rise with a backlog-0 queue that overflows
        int l = listener(0);
        int serverPort = port(l);
        connectTo(serverPort);
        int late = track(api.socketTcp());
        assertThatThrownBy(() -> api.connect(late, SockAddrIn.loopback(serverPort), 300))
                .isInstanceOf(SyscallException.class);
        await().atMost(WAIT).until(() -> KernelTcpTable.system().listenOverflows().orElseThrow() > before);
        Process p;
        try {
            p = new ProcessBuilder("unshare", "--net", "cat", "/proc/net/netstat").redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "unshare is not installed");
            return;
        }
        String text = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor() == 0, "creating a network namespace is not allowed here: " + text);
        assertThat(listenOverflows(text)).as("a new namespace's own counter, while this one's is above 0").isZero();
    }

    private static long listenOverflows(String netstat) {
        String[] lines = netstat.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("TcpExt:") && lines[i + 1].startsWith("TcpExt:")) {
                List<String> names = List.of(lines[i].trim().split("\\s+"));
                String[] values = lines[i + 1].trim().split("\\s+");
                return Long.parseLong(values[names.indexOf("ListenOverflows")]);
            }
        }
        throw new AssertionError("no TcpExt lines in: " + netstat);
    }
}
