package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both ways the native backend calls libc, one JNA Function per call (from the start) and the direct mapping (once
 * bound), make the same connection the same way, byte for byte, and fail with the same errno.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibcCallsTest {

    private static final NativeConstants C = NativeConstants.forPlatform(Platform.current());

    static Stream<LibcCalls> ways() throws Exception {
        assumeTrue(NativeSocketApi.isSupported(), "libc sockets are only on Linux and macOS");
        // a listen() through the backend starts binding the direct mapping; wait until it is in use
        NativeSocketApi api = new NativeSocketApi();
        int fd = api.socket(SocketConstants.AF_INET, SocketConstants.SOCK_STREAM, 0);
        api.bind(fd, SockAddrIn.loopback(0));
        api.listen(fd, 1);
        api.close(fd);
        await("the direct mapping bound and in use").atMost(java.time.Duration.ofSeconds(20))
                .until(NativeSocketApi::directCallsInUse);
        return Stream.of(new FunctionCalls(NativeLibrary.getInstance("c")), DirectCalls.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("ways")
    void aConnectionFromSocketToCloseAndALineEachWay(LibcCalls libc) {
        int listener = libc.socket(SocketConstants.AF_INET, SocketConstants.SOCK_STREAM, 0);
        int client = -1;
        int connection = -1;
        try {
            assertThat(libc.setsockopt(listener, C.solSocket(), C.name(SocketOption.SO_REUSEADDR), new int[] {1},
                    Integer.BYTES)).isZero();
            assertThat(libc.bind(listener, SockAddrIn.loopback(0).structBytes(), SocketConstants.SOCKADDR_IN_SIZE))
                    .isZero();
            byte[] local = new byte[SocketConstants.SOCKADDR_IN_SIZE];
            int[] length = {local.length};
            assertThat(libc.getsockname(listener, local, length)).isZero();
            SockAddrIn bound = SockAddrIn.fromStructBytes(local);
            assertThat(bound.port()).isPositive();
            assertThat(libc.listen(listener, 1)).isZero();

            client = libc.socket(SocketConstants.AF_INET, SocketConstants.SOCK_STREAM, 0);
            // SO_RCVTIMEO takes a struct timeval: two longs
            assertThat(libc.setsockopt(client, C.solSocket(), C.name(SocketOption.SO_RCVTIMEO),
                    new long[] {2, 0}, 2 * Long.BYTES)).isZero();
            assertThat(libc.connect(client, bound.structBytes(), SocketConstants.SOCKADDR_IN_SIZE)).isZero();
            byte[] peer = new byte[SocketConstants.SOCKADDR_IN_SIZE];
            connection = libc.accept(listener, peer, new int[] {peer.length});
            assertThat(connection).isNotNegative();
            byte[] clientSide = new byte[SocketConstants.SOCKADDR_IN_SIZE];
            assertThat(libc.getpeername(connection, clientSide, new int[] {clientSide.length})).isZero();
            assertThat(SockAddrIn.fromStructBytes(clientSide).port()).isEqualTo(SockAddrIn.fromStructBytes(peer).port());

            byte[] line = "hello, kernel\n".getBytes(StandardCharsets.US_ASCII);
            Memory out = new Memory(64);
            out.write(0, line, 0, line.length);
            assertThat(libc.send(client, out, line.length, C.msgNoSignal())).isEqualTo(line.length);
            assertThat(pollIn(libc, connection)).isTrue();
            Memory in = new Memory(64);
            assertThat(libc.recv(connection, in, 64, 0)).isEqualTo(line.length);
            assertThat(in.getByteArray(0, line.length)).isEqualTo(line);

            int[] error = {-1};
            assertThat(libc.getsockopt(client, C.solSocket(), C.soError(), error, new int[] {Integer.BYTES})).isZero();
            assertThat(error[0]).isZero();
            assertThat(libc.shutdown(client, Shutdown.SHUT_WR.value())).isZero();
            assertThat(libc.recv(connection, in, 64, 0)).as("the peer's FIN").isZero();
        } finally {
            for (int fd : new int[] {connection, client, listener}) {
                if (fd >= 0) {
                    libc.close(fd);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ways")
    void aFailureCarriesTheErrnoAndStrerrorNamesIt(LibcCalls libc) {
        assertThatThrownBy(() -> libc.close(-1)).isInstanceOfSatisfying(LastErrorException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(9));
        assertThatThrownBy(() -> libc.listen(-1, 1)).isInstanceOfSatisfying(LastErrorException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(9));
        assertThat(libc.strerror(9)).isEqualTo("Bad file descriptor");
    }

    private static boolean pollIn(LibcCalls libc, int fd) {
        ByteBuffer pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        pollfd.putInt(0, fd).putShort(4, (short) SocketConstants.POLLIN);
        byte[] struct = pollfd.array();
        int ready = libc.poll(struct, 1, 5000);
        return ready == 1 && (ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder()).getShort(6)
                & SocketConstants.POLLIN) != 0;
    }
}
