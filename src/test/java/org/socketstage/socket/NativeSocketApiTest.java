package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only the libc backend can show: real fd numbers, real errno numbers, a socket bound but not listening. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NativeSocketApiTest {

    private OpenHandles sockets;
    private SocketApi api;

    @BeforeEach
    void open() {
        assumeTrue(NativeSocketApi.isSupported(), "libc sockets are only on Linux and macOS");
        api = new NativeSocketApi();
        sockets = new OpenHandles(api);
    }

    @AfterEach
    void closeAll() {
        if (sockets != null) {
            sockets.close();
        }
    }

    @Test
    void describesItself() {
        assertThat(api.name()).isEqualTo("native (libc via JNA)");
        assertThat(api.realFileDescriptors()).isTrue();
        assertThat(api.fusesBindAndListen()).isFalse();
    }

    @Test
    void fileDescriptorsAreSmallDistinctNonNegativeInts() throws Exception {
        int a = sockets.socket();
        int b = sockets.socket();
        int c = sockets.socket();
        assertThat(java.util.List.of(a, b, c)).doesNotHaveDuplicates().allSatisfy(fd -> assertThat(fd).isBetween(0, 65535));
    }

    @Test
    void getsocknameAfterBindToPortZeroGivesThePortTheKernelChose() throws Exception {
        int fd = sockets.socket();
        api.bind(fd, SockAddrIn.loopback(0));
        SockAddrIn bound = api.getsockname(fd);
        assertThat(bound.host()).isEqualTo("127.0.0.1");
        assertThat(bound.port()).isBetween(1, 65535);
    }

    @Test
    void connectBetweenBindAndListenIsRefused() throws Exception {
        int server = sockets.socket();
        api.bind(server, SockAddrIn.loopback(0));
        int port = sockets.port(server);
        int client = sockets.socket();
        assertThatThrownBy(() -> api.connect(client, SockAddrIn.loopback(port)))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.call()).isEqualTo("connect");
                    assertThat(e.errno().name()).isEqualTo("ECONNREFUSED");
                    assertThat(e.errno().number()).isEqualTo(Platform.current() == Platform.LINUX ? 111 : 61);
                    assertThat(e.errno().message()).isNotBlank();
                    assertThat(e.simulated()).isFalse();
                });
    }

    @Test
    void connectRefusedNumberIs111OnLinux() throws Exception {
        assumeTrue(Platform.current() == Platform.LINUX);
        int port = freedPort();
        int client = sockets.socket();
        assertThatThrownBy(() -> api.connect(client, SockAddrIn.loopback(port)))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.errno().number()).isEqualTo(111);
                    assertThat(e.errno().straceText()).isEqualTo("ECONNREFUSED (Connection refused)");
                });
    }

    @Test
    void bindingAnAddressThisMachineDoesNotHaveGivesEaddrnotavail() throws Exception {
        int fd = sockets.socket();
        // TEST-NET-1 is never assigned to a host; bind() only checks it locally, no packet leaves
        assertThatThrownBy(() -> api.bind(fd, SockAddrIn.of("192.0.2.1", 0)))
                .isInstanceOfSatisfying(SyscallException.class,
                        e -> assertThat(e.errno().name()).isEqualTo("EADDRNOTAVAIL"));
    }

    @Test
    void bindOnMinusOneIsEbadf() {
        assertThatThrownBy(() -> api.bind(-1, SockAddrIn.loopback(0)))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.call()).isEqualTo("bind");
                    assertThat(e.errno().name()).isEqualTo("EBADF");
                    assertThat(e.errno().number()).isEqualTo(9);
                    assertThat(e.errno().message()).isEqualTo("Bad file descriptor");
                });
    }

    @Test
    void theCallsOnTheWayToListenReportTheirErrnoToo() {
        // bound one function at a time (StartCalls), not by the direct mapping: the same failures, the same words
        assertThatThrownBy(() -> api.setsockopt(-1, SocketOption.SO_REUSEADDR, 1))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.call()).isEqualTo("setsockopt");
                    assertThat(e.errno().name()).isEqualTo("EBADF");
                });
        assertThatThrownBy(() -> api.setsockopt(-1, SocketOption.SO_RCVTIMEO, 1500))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno().name()).isEqualTo("EBADF"));
        assertThatThrownBy(() -> api.listen(-1, 5))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.call()).isEqualTo("listen");
                    assertThat(e.errno().name()).isEqualTo("EBADF");
                    assertThat(e.errno().message()).isEqualTo("Bad file descriptor");
                });
        assertThatThrownBy(() -> api.socket(12345, 1, 0))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.call()).isEqualTo("socket");
                    assertThat(e.errno().name()).isEqualTo("EAFNOSUPPORT");
                });
    }

    @Test
    void secondBindOfAListeningPortIsEaddrinuse98OnLinux() throws Exception {
        int port = sockets.port(sockets.listener(5));
        int second = sockets.socket();
        api.setsockopt(second, SocketOption.SO_REUSEADDR, 1);
        assertThatThrownBy(() -> api.bind(second, SockAddrIn.loopback(port)))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.errno().name()).isEqualTo("EADDRINUSE");
                    if (Platform.current() == Platform.LINUX) {
                        assertThat(e.errno().number()).isEqualTo(98);
                    }
                });
    }

    @Test
    void acceptReturnsANewDescriptorAndThePeerTheClientBoundTo() throws Exception {
        int listener = sockets.listener(5);
        int client = sockets.connectedClient(sockets.port(listener));
        Accepted accepted = api.accept(listener);
        sockets.track(accepted.fd());
        assertThat(accepted.fd()).isNotIn(listener, client);
        assertThat(accepted.peer()).isEqualTo(api.getsockname(client));
        assertThat(api.getpeername(client)).isEqualTo(api.getsockname(listener));
        api.send(client, "hi".getBytes(StandardCharsets.US_ASCII), 0, 2, 0);
        byte[] buffer = new byte[16];
        assertThat(api.recv(accepted.fd(), buffer, buffer.length, 0)).isEqualTo(2);
    }

    @Test
    void sendHonoursOffsetAndLength() throws Exception {
        int listener = sockets.listener(5);
        int client = sockets.connectedClient(sockets.port(listener));
        int server = sockets.track(api.accept(listener).fd());
        byte[] data = "xxhelloyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(api.send(client, data, 2, 5, 0)).isEqualTo(5);
        byte[] buffer = new byte[16];
        int n = api.recv(server, buffer, buffer.length, 0);
        assertThat(new String(buffer, 0, n, StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void dataLargerThanTheFirstBufferCrossesByteForByteBothWays() throws Exception {
        int listener = sockets.listener(5);
        int client = sockets.connectedClient(sockets.port(listener));
        int server = sockets.track(api.accept(listener).fd());
        byte[] small = "ab".getBytes(StandardCharsets.US_ASCII);
        assertThat(api.send(client, small, 0, 2, 0)).isEqualTo(2); // the thread's buffer starts at 4096 bytes
        byte[] data = new byte[3 + 20_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        int sent = 0;
        while (sent < data.length - 3) {
            sent += api.send(client, data, 3 + sent, data.length - 3 - sent, 0); // grows it
        }
        byte[] got = new byte[2 + 20_000];
        int received = 0;
        byte[] chunk = new byte[12_000];
        while (received < got.length) {
            int n = api.recv(server, chunk, chunk.length, 0);
            assertThat(n).isPositive();
            System.arraycopy(chunk, 0, got, received, n);
            received += n;
        }
        assertThat(Arrays.copyOfRange(got, 0, 2)).isEqualTo(small);
        assertThat(Arrays.copyOfRange(got, 2, got.length))
                .isEqualTo(Arrays.copyOfRange(data, 3, data.length));
    }

    @Test
    void pollTimesOutWithZeroThenReportsPollinForAWaitingClient() throws Exception {
        int listener = sockets.listener(5);
        assertThat(api.poll(listener, SocketConstants.POLLIN, 50)).isZero();
        sockets.connectedClient(sockets.port(listener));
        assertThat(api.poll(listener, SocketConstants.POLLIN, 5000) & SocketConstants.POLLIN).isNotZero();
    }

    @Test
    void aTimedConnectLeavesTheSocketBlockingAgain() throws Exception {
        int port = sockets.port(sockets.listener(5));
        int client = sockets.socket();
        api.connect(client, SockAddrIn.loopback(port), 2000);
        LibC libc = com.sun.jna.Native.load("c", LibC.class);
        int flags = libc.fcntl(client, NativeConstants.F_GETFL);
        assertThat(flags & NativeConstants.forPlatform(Platform.current()).oNonBlock()).isZero();
        assertThat(api.getpeername(client).port()).isEqualTo(port);
    }

    @Test
    void pollOnADescriptorThatIsNotOpenReportsPollnval() throws Exception {
        // not a just-closed number: another thread may already have been given it again
        int fd = Integer.MAX_VALUE - 1;
        assertThat(api.poll(fd, SocketConstants.POLLIN, 0)).isEqualTo(SocketConstants.POLLNVAL);
    }

    /** A port that was just listened on and then closed: nothing listens there now. */
    private int freedPort() throws SyscallException {
        int fd = sockets.listener(1);
        int port = sockets.port(fd);
        sockets.closeQuietly(fd);
        return port;
    }
}
