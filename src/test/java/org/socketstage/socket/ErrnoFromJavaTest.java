package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ErrnoFromJavaTest {

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new BindException("Address already in use"), "EADDRINUSE"),
                Arguments.of(new BindException("Cannot assign requested address"), "EADDRNOTAVAIL"),
                Arguments.of(new BindException("Permission denied"), "EACCES"),
                Arguments.of(new ConnectException("Connection refused"), "ECONNREFUSED"),
                Arguments.of(new SocketException("Connection reset"), "ECONNRESET"),
                Arguments.of(new IOException("Connection reset by peer"), "ECONNRESET"),
                Arguments.of(new IOException("Broken pipe"), "EPIPE"),
                Arguments.of(new ClosedChannelException(), "EBADF"),
                Arguments.of(new SocketTimeoutException("Read timed out"), "ETIMEDOUT"),
                Arguments.of(new IOException("something nobody expected"), "EIO"),
                Arguments.of(new IOException((String) null), "EIO"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("exceptions")
    void javaExceptionsMapToErrnoByName(Exception ex, String errno) {
        SyscallException e = ErrnoFromJava.failure("recv", ex);
        assertThat(e.errno().name()).isEqualTo(errno);
        assertThat(e.errno().number()).isEqualTo(Errno.byName(errno).orElseThrow().number());
        assertThat(e.call()).isEqualTo("recv");
        assertThat(e.simulated()).isFalse();
        assertThat(e.note()).startsWith("errno inferred from Java: ");
    }
}
