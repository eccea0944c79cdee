package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What is particular to the java.nio backend: its own handle table, the fused bind and listen, inferred errno. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JdkSocketApiTest {

    private final SocketApi api = new JdkSocketApi();
    private final OpenHandles sockets = new OpenHandles(api);

    @AfterEach
    void closeAll() {
        sockets.close();
    }

    @Test
    void describesItselfHonestly() {
        assertThat(api.name()).isEqualTo("jdk (java.nio)");
        assertThat(api.realFileDescriptors()).isFalse();
        assertThat(api.fusesBindAndListen()).isTrue();
    }

    @Test
    void handlesAreTheLowestFreeNumbersFromThree() throws Exception {
        int a = sockets.socket();
        int b = sockets.socket();
        assertThat(a).isEqualTo(3);
        assertThat(b).isEqualTo(4);
        sockets.closeQuietly(a);
        assertThat(sockets.socket()).isEqualTo(3);
    }

    @Test
    void bindOnlyRecordsTheAddressAndListenBindsIt() throws Exception {
        int fd = sockets.socket();
        api.bind(fd, SockAddrIn.loopback(0));
        assertThat(api.getsockname(fd)).isEqualTo(SockAddrIn.loopback(0));
        assertThat(api.poll(fd, SocketConstants.POLLIN, 0)).isEqualTo(SocketConstants.POLLHUP);
        api.listen(fd, 5);
        assertThat(api.getsockname(fd).port()).isBetween(1, 65535);
        assertThat(api.getsockname(fd).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aSecondBindIsEinval() throws Exception {
        int fd = sockets.socket();
        api.bind(fd, SockAddrIn.loopback(0));
        assertThatThrownBy(() -> api.bind(fd, SockAddrIn.loopback(0)))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.is("EINVAL")).isTrue());
    }

    @Test
    void anErrnoFromAJavaExceptionSaysItWasInferred() throws Exception {
        int first = sockets.listener(5);
        int port = sockets.port(first);
        int second = sockets.socket();
        api.bind(second, SockAddrIn.loopback(port));
        assertThatThrownBy(() -> api.listen(second, 5)).isInstanceOfSatisfying(SyscallException.class, e -> {
            assertThat(e.errno().name()).isEqualTo("EADDRINUSE");
            assertThat(e.simulated()).isFalse();
            assertThat(e.note()).startsWith("errno inferred from Java: ").contains("Address already in use");
        });
        // the failed listen leaves the handle usable: once the port is free, listen() works
        sockets.closeQuietly(first);
        api.listen(second, 5);
        assertThat(api.getsockname(second).port()).isEqualTo(port);
    }

    @Test
    void bindingAnAddressThisMachineDoesNotHaveGivesEaddrnotavailAtListen() throws Exception {
        int fd = sockets.socket();
        api.bind(fd, SockAddrIn.of("192.0.2.1", 0));
        assertThatThrownBy(() -> api.listen(fd, 5)).isInstanceOfSatisfying(SyscallException.class,
                e -> assertThat(e.errno().name()).isEqualTo("EADDRNOTAVAIL"));
    }

    @Test
    void callsOnTheWrongKindOfSocketAnswerAsTheKernelWould() throws Exception {
        int fresh = sockets.socket();
        byte[] buffer = new byte[8];
        assertThatThrownBy(() -> api.accept(fresh))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.is("EINVAL")).isTrue());
        assertThatThrownBy(() -> api.recv(fresh, buffer, 8, 0))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.is("ENOTCONN")).isTrue());
        assertThatThrownBy(() -> api.getpeername(fresh))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.is("ENOTCONN")).isTrue());
        assertThatThrownBy(() -> api.socket(10, SocketConstants.SOCK_STREAM, 0))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.is("EAFNOSUPPORT")).isTrue());
        assertThat(api.poll(999, SocketConstants.POLLIN, 0)).isEqualTo(SocketConstants.POLLNVAL);
    }

    @Test
    void aNegativeBufferSizeIsEinvalAndDoesNotSpoilTheLaterListen() throws Exception {
        int fd = sockets.socket();
        assertThatThrownBy(() -> api.setsockopt(fd, SocketOption.SO_RCVBUF, -1))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.is("EINVAL")).isTrue();
                    assertThat(e.note()).contains("negative");
                });
        api.bind(fd, SockAddrIn.loopback(0));
        api.listen(fd, 5);
        assertThat(api.getsockname(fd).port()).isPositive();
    }

    @Test
    void unsupportedRecvFlagsAreRejectedWithAReason() throws Exception {
        int listener = sockets.listener(5);
        int client = sockets.connectedClient(sockets.port(listener));
        byte[] buffer = new byte[8];
        assertThatThrownBy(() -> api.recv(client, buffer, 8, 0x2))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.is("EINVAL")).isTrue();
                    assertThat(e.note()).contains("flags");
                });
    }

    @Test
    void interruptingAThreadBlockedInRecvEndsItWithEintr() throws Exception {
        int listener = sockets.listener(5);
        sockets.connectedClient(sockets.port(listener));
        int server = sockets.track(api.accept(listener).fd());
        var failure = new java.util.concurrent.CompletableFuture<SyscallException>();
        Thread receiver = new Thread(() -> {
            try {
                api.recv(server, new byte[8], 8, 0);
                failure.complete(null);
            } catch (SyscallException e) {
                failure.complete(e);
            }
        }, "test-interrupted-recv");
        receiver.start();
        org.awaitility.Awaitility.await().until(() -> java.util.Arrays.stream(receiver.getStackTrace())
                .anyMatch(frame -> frame.getClassName().contains("Selector")));
        receiver.interrupt();
        receiver.join(5000);
        assertThat(receiver.isAlive()).isFalse();
        assertThat(failure.get(5, TimeUnit.SECONDS)).isNotNull().satisfies(e -> assertThat(e.errno().name()).isEqualTo("EINTR"));
    }

    @Test
    void closeWakesABlockedAcceptWithEbadf() throws Exception {
        int listener = sockets.listener(5);
        var failure = new java.util.concurrent.CompletableFuture<SyscallException>();
        Thread acceptor = new Thread(() -> {
            try {
                api.accept(listener);
                failure.complete(null);
            } catch (SyscallException e) {
                failure.complete(e);
            }
        }, "test-blocked-accept");
        acceptor.start();
        org.awaitility.Awaitility.await().until(() -> java.util.Arrays.stream(acceptor.getStackTrace())
                .anyMatch(frame -> frame.getClassName().contains("Selector")));
        sockets.closeQuietly(listener);
        assertThat(failure.get(5, TimeUnit.SECONDS)).isNotNull()
                .satisfies(e -> assertThat(e.errno().name()).isEqualTo("EBADF"));
        acceptor.join(5000);
    }
}
