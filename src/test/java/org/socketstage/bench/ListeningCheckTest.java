package org.socketstage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The start-up rows' check that a server listens: sock_diag's answer and /proc's agree. */
class ListeningCheckTest {

    @Test
    void aListeningSocketIsSeenAndAClosedOneIsNot() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertThat(EchoBenchmark.listening(port)).isTrue();
            assertThat(EchoBenchmark.listeningInProc(port)).isTrue();
        }
        assertThat(EchoBenchmark.listening(port)).isFalse();
        assertThat(EchoBenchmark.listeningInProc(port)).isFalse();
    }

    @Test
    void aSocketBoundButNotListeningIsNotSeen() throws Exception {
        try (Socket bound = new Socket()) {
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = bound.getLocalPort();
            assertThat(EchoBenchmark.listening(port)).isFalse();
            assertThat(EchoBenchmark.listeningInProc(port)).isFalse();
        }
    }

    @Test
    void anIpv6ListenerIsSeen() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket server = new ServerSocket(0, 5, v6)) {
            int port = server.getLocalPort();
            assertThat(EchoBenchmark.listening(port)).isTrue();
            assertThat(EchoBenchmark.listeningInProc(port)).isTrue();
        }
    }
}
