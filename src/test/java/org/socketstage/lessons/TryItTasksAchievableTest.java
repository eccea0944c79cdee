package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.TcpState;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.NativeSocketApi;
import org.socketstage.tracer.PracticeProgram;

/**
 * Every "Try it" task in the shipped lessons can be achieved: for each task a driver does what the task asks
 * the student to do — with the real server on 127.0.0.1, real client sockets and the kernel's own table — and
 * the task's TaskTracker, fed only by the engine's events, must tick it. A new task without a driver fails
 * {@link #everyShippedTaskHasADriver()}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TryItTasksAchievableTest {

    @FunctionalInterface
    interface Driver {
        void drive(LiveRig rig) throws Exception;
    }

    private static final Map<String, Driver> DRIVERS = new LinkedHashMap<>();
    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXIT = "exit\n".getBytes(StandardCharsets.US_ASCII);

    static {
        DRIVERS.put("lifecycle/get-a-file-descriptor", rig -> rig.startAndAwaitAccept(LiveRig.config()));
        DRIVERS.put("lifecycle/claim-the-port", rig -> rig.startAndAwaitAccept(LiveRig.config()));
        DRIVERS.put("lifecycle/open-for-business", rig -> rig.startAndAwaitAccept(LiveRig.config()));
        DRIVERS.put("lifecycle/take-your-first-caller", rig -> connect(rig, rig.startAndAwaitAccept(LiveRig.config())));
        DRIVERS.put("lifecycle/hear-the-echo", rig -> {
            Socket c = connect(rig, rig.startAndAwaitAccept(LiveRig.config()));
            c.getOutputStream().write(HELLO);
        });
        DRIVERS.put("lifecycle/say-goodbye-to-one-client", rig -> {
            Socket c = connect(rig, rig.startAndAwaitAccept(LiveRig.config()));
            c.getOutputStream().write(EXIT);
        });
        DRIVERS.put("lifecycle/shut-the-doors", rig -> rig.stop(rig.startAndAwaitAccept(LiveRig.config())));

        DRIVERS.put("checking-results/let-fd-1-reach-bind", rig -> {
            rig.faults.setUncheckedSocket(true);
            rig.faults.failNext(Step.SOCKET, Errno.byName("EMFILE").orElseThrow());
            rig.start(LiveRig.config());
        });

        DRIVERS.put("checking-results/make-listen-fail-and-find-its-check", rig -> {
            rig.faults.failNext(Step.LISTEN, Errno.byName("ENOBUFS").orElseThrow());
            rig.start(LiveRig.config());
        });

        // the rig's port is picked by the kernel, never 9090: "a port of your own"
        DRIVERS.put("address/pick-a-port-and-read-its-bytes", rig -> rig.startAndAwaitAccept(LiveRig.config()));
        DRIVERS.put("address/one-address-one-door", rig -> {
            LifecycleServer s = rig.startAndAwaitAccept(LiveRig.config());
            rig.clientConnect("127.0.0.2", s.boundPort(), 3000);
        });
        DRIVERS.put("address/ask-for-port-80", rig -> {
            if (port80IsOpenToUs()) {
                // bind(80) would succeed here (root, or a lowered ip_unprivileged_port_start): the app then
                // offers the simulated EACCES, and so does this
                rig.faults.failNext(Step.BIND, Errno.byName("EACCES").orElseThrow());
            }
            rig.start(LiveRig.config().withPort(80));
        });
        DRIVERS.put("address/bind-to-an-address-you-do-not-have",
                rig -> rig.start(LiveRig.config().withBindHost("192.0.2.1")));

        DRIVERS.put("reuse-and-time-wait/collide-with-another-listener", rig -> {
            ServerSocket holder = rig.closeAtEnd(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()));
            rig.start(LiveRig.config().withPort(holder.getLocalPort()));
        });
        DRIVERS.put("reuse-and-time-wait/leave-a-connection-in-time-wait", rig -> {
            Socket c = connect(rig, rig.startAndAwaitAccept(LiveRig.config()));
            exitThenClose(c);
        });
        DRIVERS.put("reuse-and-time-wait/fail-a-restart-then-fix-it", rig -> {
            ServerConfig noReuse = LiveRig.config().withPort(LiveRig.freePort()).withReuseAddr(false);
            LifecycleServer first = rig.startAndAwaitAccept(noReuse);
            exitThenClose(connect(rig, first));
            // the first run's kernel view must have seen the TIME_WAIT row before that run ends
            rig.awaitKernel(k -> !k.rowsIn(TcpState.TIME_WAIT).isEmpty());
            rig.stop(first);
            rig.start(noReuse);
        });

        DRIVERS.put("backlog/three-clients-in-the-waiting-room", rig -> {
            rig.gate.setBreakpoint(Step.ACCEPT, true);
            LifecycleServer s = rig.start(LiveRig.config());
            rig.awaitHeld(Step.ACCEPT);
            for (int i = 0; i < 3; i++) {
                rig.closeAtEnd(new Socket(InetAddress.getLoopbackAddress(), s.boundPort()));
            }
        });
        DRIVERS.put("backlog/overflow-the-queue", rig -> burstIntoBacklogOne(rig, 5));
        DRIVERS.put("backlog/let-them-in", rig -> {
            List<SocketChannel> clients = burstIntoBacklogOne(rig, 5);
            rig.awaitKernel(k -> k.acceptQueue().orElse(0) == 2);
            rig.gate.setBreakpoint(Step.ACCEPT, false);
            rig.gate.resume();
            // each client leaves once it is in, so the iterative server can take the next one
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (SocketChannel ch : clients) {
                    if (ch.isOpen() && ch.finishConnect()) {
                        ch.close();
                    }
                }
                return rig.tracker.isAchieved(rig.task.id());
            });
        });
        DRIVERS.put("backlog/knock-before-the-door-is-open", rig -> {
            rig.gate.setBreakpoint(Step.LISTEN, true);
            LifecycleServer s = rig.start(LiveRig.config());
            rig.awaitHeld(Step.LISTEN);
            rig.clientConnect(s.boundPort());
        });

        DRIVERS.put("many-clients/two-clients-two-sockets", rig -> {
            LifecycleServer s = rig.startAndAwaitAccept(LiveRig.config());
            connect(rig, s).getOutputStream().write(EXIT);
            connect(rig, s);
        });
        DRIVERS.put("many-clients/read-who-called", rig -> connect(rig, rig.startAndAwaitAccept(LiveRig.config())));
        DRIVERS.put("many-clients/serve-two-clients-at-once", rig -> {
            LifecycleServer s = rig.startAndAwaitAccept(LiveRig.config()
                    .withConcurrency(org.socketstage.settings.Concurrency.THREAD_PER_CLIENT));
            connect(rig, s);
            connect(rig, s);
        });
        DRIVERS.put("many-clients/run-out-of-descriptors", rig -> {
            rig.gate.setBreakpoint(Step.ACCEPT, true);
            LifecycleServer s = rig.start(LiveRig.config());
            rig.awaitHeld(Step.ACCEPT);
            rig.closeAtEnd(new Socket(InetAddress.getLoopbackAddress(), s.boundPort()));
            rig.awaitKernel(k -> k.acceptQueue().orElse(0) == 1);
            rig.faults.failNext(Step.ACCEPT, Errno.byName("EMFILE").orElseThrow());
            rig.gate.setBreakpoint(Step.ACCEPT, false);
            rig.gate.resume();
        });

        DRIVERS.put("conversation/see-recv-return-0", rig -> connect(rig, rig.startAndAwaitAccept(LiveRig.config())).close());
        DRIVERS.put("conversation/have-the-client-reset-the-connection", rig -> {
            Socket c = connect(rig, rig.startAndAwaitAccept(LiveRig.config()));
            await().atMost(LiveRig.WAIT).until(() -> rig.started(Step.RECV) > 0);
            abort(c);
        });
        DRIVERS.put("conversation/send-into-the-void", rig -> {
            rig.gate.setBreakpoint(Step.SEND, true);
            LifecycleServer s = rig.startAndAwaitAccept(LiveRig.config());
            Socket c = connect(rig, s);
            int clientPort = c.getLocalPort();
            c.getOutputStream().write(HELLO);
            rig.awaitHeld(Step.SEND);
            abort(c);
            // the reset has reached the server's socket once the kernel lists no connection from that client
            KernelTcpTable table = KernelTcpTable.system();
            await().atMost(LiveRig.WAIT).until(() -> table.snapshot(s.boundPort()).rows().stream()
                    .noneMatch(r -> r.remotePort() == clientPort && r.state() == TcpState.ESTABLISHED));
            rig.gate.setBreakpoint(Step.SEND, false);
            rig.gate.resume();
        });

        DRIVERS.put("conversation/watch-a-send-come-back-short", rig -> {
            // what the partial-send scenario does: sends without waiting, a client that reads nothing for a while
            rig.faults.setSendWithoutWaiting(true);
            LifecycleServer s = rig.startAndAwaitAccept(LiveRig.config());
            Socket c = rig.closeAtEnd(new Socket());
            c.setReceiveBufferSize(4096);
            c.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), s.boundPort()), 5000);
            c.setSoTimeout(10_000);
            int total = 1 << 20;
            Thread writer = new Thread(() -> {
                try {
                    byte[] chunk = new byte[16 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int sent = 0; sent < total; sent += chunk.length) {
                        c.getOutputStream().write(chunk);
                    }
                } catch (java.io.IOException e) {
                    // the test ends the connection
                }
            });
            writer.setDaemon(true);
            writer.start();
            // the client reads only once the server's send buffer is full and it waits in poll() for room
            rig.awaitStarted("poll");
            byte[] buf = new byte[64 * 1024];
            for (int got = 0; got < total; ) {
                int n = c.getInputStream().read(buf);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        });
        DRIVERS.put("conversation/close-the-door-on-the-waiting-room", rig -> {
            rig.gate.setBreakpoint(Step.ACCEPT, true);
            LifecycleServer s = rig.start(LiveRig.config());
            rig.awaitHeld(Step.ACCEPT);
            rig.panelClient(s.boundPort());
            rig.panelClient(s.boundPort());
            rig.awaitKernel(k -> k.acceptQueue().orElse(0) == 2);
            rig.stop(s);
        });

        DRIVERS.put("nonblocking/watch-a-non-blocking-connect-give-up", rig -> {
            rig.gate.setBreakpoint(Step.ACCEPT, true);
            LifecycleServer s = rig.start(LiveRig.config().withBacklog(1));
            rig.awaitHeld(Step.ACCEPT);
            for (int i = 0; i < 2; i++) {
                rig.closeAtEnd(new Socket(InetAddress.getLoopbackAddress(), s.boundPort()));
            }
            rig.awaitKernel(k -> k.acceptQueue().orElse(0) == 2);
            // the queue is full before this SYN leaves, so it is dropped and the client's own timer ends the wait
            rig.clientConnect("127.0.0.1", s.boundPort(), 1000);
        });

        DRIVERS.put("ipv6/one-socket-two-families", rig -> {
            int port = LiveRig.freePort();
            rig.trace(PracticeProgram.IPV6, port);
            // the client panel's client, over IPv4 to 127.0.0.1
            org.socketstage.client.TeachingClient panel = rig.panelClient(port);
            panel.sendText("over IPv4", true);
            rig.awaitReturned(r -> r.stage() == Step.SEND && r.actor().kind() != org.socketstage.event.Actor.Kind.CLIENT);
            // an iterative server: the next client is accepted once this one has gone
            panel.closeGracefully();
            // nc -6 ::1 PORT; where ::1 is missing a second IPv4 client stands in (the goals count calls only)
            Socket six = rig.closeAtEnd(new Socket());
            six.connect(new InetSocketAddress(ipv6Loopback() ? "::1" : "127.0.0.1", port), 5000);
            six.getOutputStream().write(HELLO);
        });

        DRIVERS.put("faults/inject-an-errno-of-your-choice", rig -> {
            rig.faults.failNext(Step.LISTEN, Errno.byName("ENOBUFS").orElseThrow());
            rig.start(LiveRig.config());
        });
    }

    private static LessonLibrary lib;

    @BeforeAll
    static void needsTheRealThing() {
        assumeTrue(NativeSocketApi.isSupported(), "these tasks need the native socket layer (libc via JNA)");
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "kernel goals need Linux /proc/net/tcp");
        lib = LessonLoader.loadBuiltIn();
    }

    static Stream<String> taskIds() {
        return LessonLoader.loadBuiltIn().tasks().stream().map(TryItTask::id);
    }

    @Test
    void everyShippedTaskHasADriver() {
        assertThat(DRIVERS.keySet()).containsExactlyInAnyOrderElementsOf(taskIds().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskIds")
    void isAchievedByTheRealEngine(String id) throws Exception {
        TryItTask task = lib.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        Driver driver = DRIVERS.get(id);
        assertThat(driver).as("driver for " + id).isNotNull();
        try (LiveRig rig = new LiveRig(task)) {
            driver.drive(rig);
            rig.awaitAchieved(Duration.ofSeconds(30));
            assertThat(rig.tracker.achieved()).containsExactly(id);
        }
    }

    @Test
    void aTaskIsNotTickedBySomethingElse() throws Exception {
        TryItTask bindFails = lib.tasks().stream()
                .filter(t -> t.id().equals("reuse-and-time-wait/collide-with-another-listener")).findFirst().orElseThrow();
        try (LiveRig rig = new LiveRig(bindFails)) {
            Socket c = connect(rig, rig.startAndAwaitAccept(LiveRig.config()));
            c.getOutputStream().write(EXIT);
            await().atMost(LiveRig.WAIT).until(() -> rig.returned(r -> r.stage() == Step.CLOSE_CLIENT) > 0);
            assertThat(rig.tracker.isAchieved(bindFails.id())).isFalse();
        }
    }

    private static Socket connect(LiveRig rig, LifecycleServer s) throws IOException {
        Socket c = rig.closeAtEnd(new Socket(InetAddress.getLoopbackAddress(), s.boundPort()));
        c.setSoTimeout(5000);
        return c;
    }

    /** The client says exit, sees the server close first (end of stream), and closes its side too. */
    private static void exitThenClose(Socket c) throws IOException {
        c.getOutputStream().write(EXIT);
        assertThat(c.getInputStream().read()).as("the server closed first").isEqualTo(-1);
        c.close();
    }

    /** What "Abort (reset)" does: SO_LINGER 0, then close, so the kernel sends RST instead of FIN. */
    private static void abort(Socket c) throws IOException {
        c.setSoLinger(true, 0);
        c.close();
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean port80IsOpenToUs() {
        try {
            boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream()
                    .readAllBytes(), StandardCharsets.US_ASCII).strip());
            Path start = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");
            // a stream read: Files.readString gets only the first byte of a /proc/sys file ("1" for 1024)
            boolean lowered;
            try (var in = Files.newInputStream(start)) {
                lowered = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip()) <= 80;
            }
            return root || lowered;
        } catch (IOException | NumberFormatException e) {
            return true;
        }
    }

    /** The backlog-demo set-up: backlog 1, a breakpoint before accept, then a burst of non-blocking connects. */
    private static List<SocketChannel> burstIntoBacklogOne(LiveRig rig, int clients) throws IOException {
        rig.gate.setBreakpoint(Step.ACCEPT, true);
        LifecycleServer s = rig.start(LiveRig.config().withBacklog(1));
        rig.awaitHeld(Step.ACCEPT);
        await().atMost(LiveRig.WAIT).until(() -> rig.returned(r -> r.stage() == Step.LISTEN) > 0);
        List<SocketChannel> out = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SocketChannel ch = rig.closeAtEnd(SocketChannel.open());
            ch.configureBlocking(false);
            ch.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.boundPort()));
            out.add(ch);
        }
        return out;
    }

}
