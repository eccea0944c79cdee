package org.socketstage.server;

import org.socketstage.settings.PacingMode;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.socket.JdkSocketApi;

/** The lifecycle server on the java.nio fallback: the same flow, with the fused bind and listen said out loud. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JdkBackendServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static ServerFixture jdkServer() {
        return new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE, new JdkSocketApi(), new FaultPlan(),
                KernelView.NONE);
    }

    @Test
    void echoesAndClosesOnExitOverJavaNio() throws Exception {
        try (ServerFixture f = jdkServer().startAndAwaitAccept();
                Socket client = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
            client.setSoTimeout(5000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello\n");
            out.write("exit\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.read()).isEqualTo(-1);

            ServerEvent.CallReturned bind = f.recorder.returned(Step.BIND).get(0);
            assertThat(bind.note()).isEqualTo("prepared; Java binds and listens together at listen()");
            await().atMost(WAIT).until(() -> !f.recorder.returned(Step.CLOSE_CLIENT).isEmpty());
        }
    }

    @Test
    void stopWakesABlockedAcceptAndFreesThePort() throws Exception {
        int port;
        try (ServerFixture f = jdkServer().startAndAwaitAccept()) {
            port = f.port();
            // accept() has no timeout: the server thread ends only if stop() wakes it (how fast is a benchmark's business)
            assertThat(f.server.stop(Duration.ofSeconds(5))).as("the server thread ended").isTrue();
        }
        try (ServerSocket again = new ServerSocket(port, 5, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
