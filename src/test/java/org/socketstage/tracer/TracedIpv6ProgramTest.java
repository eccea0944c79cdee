package org.socketstage.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;

/**
 * Lesson 9's live demonstration: {@code echo_server_ipv6.c} under the tracer opens one AF_INET6 socket with
 * IPV6_V6ONLY 0, binds it to [::], and accepts an IPv4 client as ::ffff:127.0.0.1 and an IPv6 one as ::1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TracedIpv6ProgramTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EventBus bus = new EventBus();
    private final Recorder recorder = new Recorder(bus);
    private final List<String> output = new CopyOnWriteArrayList<>();
    private TracedProgram program;

    @AfterEach
    void stop() {
        if (program != null) {
            assertThat(program.stop(Duration.ofSeconds(3))).isTrue();
        }
        recorder.close();
    }

    private int start() {
        int port = Programs.freePort();
        program = new TracedProgram(Programs.of(PracticeProgram.IPV6, port), bus, new StepGate(PacingMode.LIVE, 0),
                new FaultPlan(), new ProgramFaults(), (stream, line) -> output.add(stream + " " + line));
        program.start();
        assertThat(program.awaitListening(WAIT)).isTrue();
        return port;
    }

    @Test
    void oneIpv6SocketWithV6onlyOffTakesAnIpv4ClientAsAMappedAddress() throws Exception {
        int port = start();
        int clientPort = echo(new InetSocketAddress("127.0.0.1", port), "over IPv4\n");
        await().atMost(WAIT).until(() -> recorder.returned(Step.CLOSE_CLIENT).size() >= 1);

        ServerEvent.CallReturned socket = recorder.returned(Step.SOCKET).get(0);
        int fd = (int) socket.result();
        assertThat(socket.straceText()).isEqualTo("socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP) = " + fd);
        assertThat(recorder.returned(Step.SOCKET)).hasSize(1);
        assertThat(recorder.returned(Step.SETSOCKOPT)).extracting(ServerEvent.CallReturned::straceText).containsExactly(
                "setsockopt(" + fd + ", SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0",
                "setsockopt(" + fd + ", SOL_IPV6, IPV6_V6ONLY, [0], 4) = 0");
        assertThat(recorder.returned(Step.BIND).get(0).straceText()).isEqualTo("bind(" + fd + ", {sa_family=AF_INET6, "
                + "sin6_port=htons(" + port + "), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::\", &sin6_addr), "
                + "sin6_scope_id=0}, 28) = 0");
        assertThat(program.boundPort()).isEqualTo(port);

        ServerEvent.CallReturned accept = recorder.returned(Step.ACCEPT).get(0);
        assertThat(accept.straceText()).contains("sa_family=AF_INET6, sin6_port=htons(" + clientPort + ")",
                "inet_pton(AF_INET6, \"::ffff:127.0.0.1\", &sin6_addr)").endsWith(", [28]) = " + accept.result());
        // the views that know IPv4 see the mapped peer as the IPv4 client it is
        assertThat(accept.address()).isNotNull();
        assertThat(accept.address().toString()).isEqualTo("127.0.0.1:" + clientPort);
        await().atMost(WAIT).until(() -> output.contains("STDOUT client [::ffff:127.0.0.1]:" + clientPort));
    }

    @Test
    void anIpv4AndAnIpv6ClientAreEchoedThroughTheSameListeningSocket() throws Exception {
        assumeTrue(ipv6LoopbackWorks(), "::1 is not available on this machine");
        int port = start();
        int v4 = echo(new InetSocketAddress("127.0.0.1", port), "over IPv4\n");
        int v6 = echo(new InetSocketAddress("::1", port), "over IPv6\n");
        await().atMost(WAIT).until(() -> recorder.returned(Step.CLOSE_CLIENT).size() >= 2);

        List<ServerEvent.CallReturned> accepts = recorder.returned(Step.ACCEPT);
        assertThat(accepts).hasSize(2);
        int listener = accepts.get(0).actor().fd();
        assertThat(accepts.get(1).actor().fd()).isEqualTo(listener);
        assertThat(accepts.get(0).straceText()).contains("htons(" + v4 + ")", "\"::ffff:127.0.0.1\"");
        assertThat(accepts.get(1).straceText()).contains("htons(" + v6 + ")", "inet_pton(AF_INET6, \"::1\", &sin6_addr)");
        // ::1 is no IPv4 address, mapped or not
        assertThat(accepts.get(1).address()).isNull();
        assertThat(recorder.returned(Step.RECV)).extracting(r -> new String(r.data(), StandardCharsets.US_ASCII))
                .contains("over IPv4\n", "over IPv6\n");
        await().atMost(WAIT).until(() -> output.containsAll(List.of("STDOUT client [::ffff:127.0.0.1]:" + v4,
                "STDOUT client [::1]:" + v6)));
    }

    /** Connects, sends one line, reads the echo, closes; returns the client's own port. */
    private static int echo(InetSocketAddress to, String line) throws IOException {
        try (Socket client = new Socket()) {
            client.connect(to, 5000);
            client.setSoTimeout(5000);
            client.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(client.getInputStream())).isEqualTo(line);
            return client.getLocalPort();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return sb.toString();
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return s.getInetAddress() instanceof Inet6Address;
        } catch (IOException e) {
            return false;
        }
    }
}
