package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour both backends must share, run against each one with real sockets on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketApiContractTest {

    private OpenHandles sockets;

    static Stream<SocketBackend> backends() {
        return Arrays.stream(SocketBackend.values()).filter(SocketBackend::isAvailable);
    }

    private SocketApi open(SocketBackend backend) {
        sockets = new OpenHandles(backend.create());
        return sockets.api;
    }

    @AfterEach
    void closeAll() {
        if (sockets != null) {
            sockets.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void serverRoundTripEchoesAndSeesTheEndOfStream(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int listener = sockets.socket();
        api.setsockopt(listener, SocketOption.SO_REUSEADDR, 1);
        api.bind(listener, SockAddrIn.loopback(0));
        api.listen(listener, 5);
        int port = sockets.port(listener);
        assertThat(port).isBetween(1, 65535);

        int client = sockets.connectedClient(port);
        Accepted accepted = api.accept(listener);
        int server = sockets.track(accepted.fd());
        assertThat(server).isNotIn(listener, client);
        assertThat(accepted.peer()).isEqualTo(api.getsockname(client));
        assertThat(accepted.peer().host()).isEqualTo("127.0.0.1");
        assertThat(api.getpeername(client)).isEqualTo(SockAddrIn.loopback(port));

        byte[] hello = "hello\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(api.send(client, hello, 0, hello.length, 0)).isEqualTo(6);
        byte[] buffer = new byte[4096];
        int n = api.recv(server, buffer, buffer.length, 0);
        assertThat(new String(buffer, 0, n, StandardCharsets.US_ASCII)).isEqualTo("hello\n");
        assertThat(api.send(server, buffer, 0, n, 0)).isEqualTo(n);
        byte[] echo = new byte[16];
        assertThat(new String(echo, 0, api.recv(client, echo, echo.length, 0), StandardCharsets.US_ASCII))
                .isEqualTo("hello\n");

        api.shutdown(client, Shutdown.SHUT_WR);
        assertThat(api.recv(server, buffer, buffer.length, 0)).isZero();
        sockets.closeQuietly(server);
        assertThat(api.recv(client, echo, echo.length, 0)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aPortHeldByAListeningSocketGivesEaddrinuse(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int port = sockets.port(sockets.listener(5));
        int second = sockets.socket();
        api.setsockopt(second, SocketOption.SO_REUSEADDR, 1);
        SyscallException e = catchThrowableOfType(SyscallException.class, () -> {
            api.bind(second, SockAddrIn.loopback(port));
            api.listen(second, 5);
        });
        assertThat(e.errno().name()).isEqualTo("EADDRINUSE");
        assertThat(e.call()).isEqualTo(api.fusesBindAndListen() ? "listen" : "bind");
        if (Platform.current() == Platform.LINUX) {
            assertThat(e.errno().number()).isEqualTo(98);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void closingTheListenerFreesItsPort(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int first = sockets.listener(5);
        int port = sockets.port(first);
        sockets.closeQuietly(first);
        int again = sockets.socket();
        api.bind(again, SockAddrIn.loopback(port));
        api.listen(again, 5);
        assertThat(sockets.port(again)).isEqualTo(port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void connectToAClosedPortIsRefused(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int gone = sockets.listener(1);
        int port = sockets.port(gone);
        sockets.closeQuietly(gone);
        int client = sockets.socket();
        assertThatThrownBy(() -> api.connect(client, SockAddrIn.loopback(port)))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.call()).isEqualTo("connect");
                    assertThat(e.errno().name()).isEqualTo("ECONNREFUSED");
                });
        int timed = sockets.socket();
        assertThatThrownBy(() -> api.connect(timed, SockAddrIn.loopback(port), 2000))
                .isInstanceOfSatisfying(SyscallException.class,
                        e -> assertThat(e.errno().name()).isEqualTo("ECONNREFUSED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aClosedHandleIsEbadf(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int opened = api.socketTcp();
        api.close(opened);
        // a kernel fd number is reused at once by any other thread that opens a file, so using it again here
        // could close or listen on someone else's descriptor: for real fds ask about one that cannot be open
        int fd = backend == SocketBackend.NATIVE ? Integer.MAX_VALUE - 1 : opened;
        assertThatThrownBy(() -> api.close(fd)).isInstanceOfSatisfying(SyscallException.class, e -> {
            assertThat(e.call()).isEqualTo("close");
            assertThat(e.errno().name()).isEqualTo("EBADF");
        });
        assertThatThrownBy(() -> api.listen(fd, 1))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.is("EBADF")).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void pollTimesOutThenSeesAWaitingClientAndThenData(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int listener = sockets.listener(5);
        long start = System.nanoTime();
        assertThat(api.poll(listener, SocketConstants.POLLIN, 100)).isZero();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(90);

        int client = sockets.connectedClient(sockets.port(listener));
        assertThat(api.poll(listener, SocketConstants.POLLIN, 5000)).isEqualTo(SocketConstants.POLLIN);
        int server = sockets.track(api.accept(listener).fd());

        assertThat(api.poll(server, SocketConstants.POLLIN, 0)).isZero();
        assertThat(api.poll(server, SocketConstants.POLLIN, 50)).isZero();
        api.send(client, new byte[] {42}, 0, 1, 0);
        assertThat(api.poll(server, SocketConstants.POLLIN, 5000)).isEqualTo(SocketConstants.POLLIN);
        assertThat(api.poll(server, SocketConstants.POLLOUT, 5000) & SocketConstants.POLLOUT).isNotZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void lingerZeroResetsThePeerAndSendingToItFailsWithoutKillingTheJvm(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int listener = sockets.listener(5);
        int client = sockets.connectedClient(sockets.port(listener));
        int server = sockets.track(api.accept(listener).fd());

        api.setsockopt(client, SocketOption.SO_LINGER, 0);
        sockets.closeQuietly(client);

        assertThat(api.poll(server, SocketConstants.POLLIN, 5000) & SocketConstants.POLLIN).isNotZero();
        byte[] buffer = new byte[64];
        assertThatThrownBy(() -> api.recv(server, buffer, buffer.length, 0))
                .isInstanceOfSatisfying(SyscallException.class,
                        e -> assertThat(e.errno().name()).isEqualTo("ECONNRESET"));

        SyscallException sendFailure = null;
        for (int attempt = 0; attempt < 10 && sendFailure == null; attempt++) {
            try {
                api.send(server, buffer, 0, buffer.length, 0);
            } catch (SyscallException e) {
                sendFailure = e;
            }
        }
        assertThat(sendFailure).isNotNull();
        // reaching this line at all shows the JVM got an errno, not a SIGPIPE that would have killed it
        assertThat(sendFailure.errno().name()).isIn("EPIPE", "ECONNRESET");
    }

    /** As with a kernel socket, one thread blocked in recv() does not hold up another thread's send(). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void sendCompletesWhileAnotherThreadIsBlockedInRecv(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int listener = sockets.listener(5);
        int client = sockets.connectedClient(sockets.port(listener));
        int server = sockets.track(api.accept(listener).fd());
        CompletableFuture<Integer> received = new CompletableFuture<>();
        CompletableFuture<Long> drained = new CompletableFuture<>();
        Thread receiver = new Thread(() -> complete(received, () -> api.recv(server, new byte[16], 16, 0)),
                "test-blocked-recv");
        Thread drainer = new Thread(() -> complete(drained, () -> drain(api, client, BIG)), "test-drain");
        receiver.start();
        drainer.start();

        // several MiB cannot fit in the socket buffers: send() must wait for writability meanwhile
        assertThat(api.send(server, new byte[BIG], 0, BIG, 0)).isEqualTo(BIG);
        assertThat(drained.get(10, TimeUnit.SECONDS)).isEqualTo(BIG);
        assertThat(received).isNotDone();
        api.send(client, new byte[] {1}, 0, 1, 0);
        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        receiver.join(5000);
        drainer.join(5000);
    }

    private static final int BIG = 8 << 20;

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> void complete(CompletableFuture<T> future, Call<T> call) {
        try {
            future.complete(call.run());
        } catch (Exception e) {
            future.completeExceptionally(e);
        }
    }

    private static long drain(SocketApi api, int fd, long expected) throws SyscallException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < expected) {
            int n = api.recv(fd, buffer, buffer.length, 0);
            if (n == 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * With backlog 1 Linux queues two completed connections; the SYNs of later clients are dropped, so
     * their connect() can only end by our timeout.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void connectToAListenerWithAFullQueueTimesOut(SocketBackend backend) throws Exception {
        SocketApi api = open(backend);
        int port = sockets.port(sockets.listener(1));
        int timeoutMillis = 400;
        SyscallException timedOut = null;
        long elapsed = 0;
        for (int client = 0; client < 10 && timedOut == null; client++) {
            int fd = sockets.socket();
            long start = System.nanoTime();
            try {
                api.connect(fd, SockAddrIn.loopback(port), timeoutMillis);
            } catch (SyscallException e) {
                timedOut = e;
                elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
        }
        assertThat(timedOut).isNotNull();
        assertThat(timedOut.errno().name()).isEqualTo("ETIMEDOUT");
        assertThat(elapsed).isBetween(timeoutMillis - 50L, timeoutMillis + 1500L);
    }
}
