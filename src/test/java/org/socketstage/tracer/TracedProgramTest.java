package org.socketstage.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.JsonLines;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;
import org.socketstage.socket.Errno;

/** A real student's server (the practice programs) under the tracer, with real clients on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TracedProgramTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LINE = "hello, stage\n";

    private final EventBus bus = new EventBus();
    private final Recorder recorder = new Recorder(bus);
    private TracedProgram program;

    @AfterEach
    void stop() {
        if (program != null) {
            assertThat(program.stop(Duration.ofSeconds(3))).isTrue();
        }
        recorder.close();
    }

    private TracedProgram start(PracticeProgram p, int port, StepGate gate, ProgramFaults faults) {
        program = new TracedProgram(Programs.of(p, port), bus, gate, new FaultPlan(), faults, ProgramOutput.NONE);
        program.start();
        return program;
    }

    private static StepGate live() {
        return new StepGate(PacingMode.LIVE, 0);
    }

    @ParameterizedTest
    @EnumSource(names = {"ECHO", "PYTHON"})
    void everyStepAppearsWithTheRealDescriptorAndResultAndTheEchoShowsOnBothSides(PracticeProgram p) throws Exception {
        int port = Programs.freePort();
        start(p, port, live(), new ProgramFaults());
        assertThat(program.awaitListening(WAIT)).isTrue();
        int clientPort;
        try (Socket client = connect(port)) {
            clientPort = client.getLocalPort();
            client.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(client)).isEqualTo(LINE);
        }
        await().atMost(WAIT).until(() -> !recorder.returned(Step.CLOSE_CLIENT).isEmpty());

        ServerEvent.CallReturned socket = recorder.returned(Step.SOCKET).get(0);
        int fd = (int) socket.result();
        assertThat(fd).isGreaterThanOrEqualTo(3);
        assertThat(socket.args().text()).startsWith("AF_INET, SOCK_STREAM");
        assertThat(recorder.returned(Step.SETSOCKOPT).get(0).straceText())
                .isEqualTo("setsockopt(" + fd + ", SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
        ServerEvent.CallReturned bind = recorder.returned(Step.BIND).get(0);
        assertThat(bind.address().port()).isEqualTo(port);
        assertThat(bind.straceText()).startsWith("bind(" + fd + ", {sa_family=AF_INET, sin_port=htons(" + port + ")");
        assertThat(recorder.returned(Step.SOCKADDR).get(0).sockaddrBytes())
                .startsWith((byte) 2, (byte) 0, (byte) (port >> 8), (byte) port, (byte) 127, (byte) 0, (byte) 0, (byte) 1);
        ServerEvent.CallReturned listen = recorder.returned(Step.LISTEN).get(0);
        assertThat(listen.args().backlog()).hasValue(5);
        assertThat(listen.result()).isZero();

        ServerEvent.CallReturned accept = recorder.returned(Step.ACCEPT).get(0);
        int conn = (int) accept.result();
        assertThat(conn).isGreaterThan(fd);
        assertThat(accept.address().port()).isEqualTo(clientPort);
        assertThat(accept.actor().kind()).isEqualTo(Actor.Kind.SERVER);
        assertThat(accept.actor().pid()).isEqualTo(program.pid());

        ServerEvent.CallReturned recv = recorder.returned(Step.RECV).get(0);
        assertThat(recv.actor()).isEqualTo(new Actor(Actor.Kind.CONNECTION, conn, accept.address(), program.pid()));
        assertThat(new String(recv.data(), StandardCharsets.US_ASCII)).isEqualTo(LINE);
        assertThat(recv.straceText()).isEqualTo("recvfrom(" + conn + ", \"hello, stage\\n\", 4096, 0, NULL, NULL) = 13");
        ServerEvent.CallReturned send = recorder.returned(Step.SEND).get(0);
        assertThat(send.result()).isEqualTo(LINE.length());
        assertThat(new String(send.data(), StandardCharsets.US_ASCII)).isEqualTo(LINE);
        assertThat(recorder.returned(Step.RECV)).anySatisfy(r -> assertThat(r.result()).isZero());
        assertThat(recorder.returned(Step.CLOSE_CLIENT).get(0).straceText()).isEqualTo("close(" + conn + ") = 0");
        assertThat(recorder.kernelSeen()).isTrue();
        assertThat(recorder.returned()).noneMatch(ServerEvent.CallReturned::injected);
    }

    @Test
    void stepModeHoldsTheProgramBeforeBindWhereConnectIsRefusedAndBeforeAcceptWhereClientsQueue() throws Exception {
        int port = Programs.freePort();
        StepGate gate = new StepGate(PacingMode.STEP, 0);
        start(PracticeProgram.ECHO, port, gate, new ProgramFaults());
        stepUntilHeld(gate, Step.BIND);
        assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class).hasMessageContaining("refused");
        assertThat(recorder.returned(Step.BIND)).isEmpty();

        stepUntilHeld(gate, Step.ACCEPT);
        try (Socket a = connect(port); Socket b = connect(port)) {
            // the kernel view follows the program's own listening port: two clients wait in its accept queue
            await().atMost(WAIT).until(() -> recorder.events().stream().anyMatch(e -> e instanceof ServerEvent.KernelChanged k
                    && k.snapshot().port() == port && k.snapshot().acceptQueue().orElse(0) == 2));
            assertThat(recorder.returned(Step.ACCEPT)).isEmpty();
            gate.setMode(PacingMode.LIVE);
            gate.step();
            a.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(a)).isEqualTo(LINE);
        }
    }

    private void stepUntilHeld(StepGate gate, Step stage) {
        await().atMost(WAIT).until(() -> {
            List<StepGate.HeldCall> held = gate.held();
            if (held.isEmpty()) {
                return false;
            }
            if (held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    @Test
    void stopEndsEveryProcessOfTheProgramAndFreesItsPort() throws Exception {
        int port = Programs.freePort();
        start(PracticeProgram.FORK, port, live(), new ProgramFaults());
        assertThat(program.awaitListening(WAIT)).isTrue();
        Socket client = connect(port);
        client.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
        assertThat(readLine(client)).isEqualTo(LINE);
        await().atMost(WAIT).until(() -> program.livePids().size() == 2);
        Set<Integer> pids = Set.copyOf(program.livePids());
        int doorbell = program.doorbellPid();

        assertThat(program.stop(Duration.ofSeconds(3))).isTrue();
        client.close();
        assertThat(program.state()).isEqualTo(ServerState.STOPPED);
        assertThat(program.livePids()).isEmpty();
        for (int pid : pids) {
            assertThat(Path.of("/proc", Integer.toString(pid))).as("pid %d", pid).satisfiesAnyOf(
                    p -> assertThat(p).doesNotExist(), p -> assertThat(ProcStat.state(pid)).isEqualTo("Z"));
        }
        await().atMost(WAIT).until(() -> !Files.exists(Path.of("/proc", Integer.toString(doorbell))));
        assertThat(KernelTcpTable.system().snapshot(port).listenRow()).isEmpty();
        assertThat(Programs.free(port)).isTrue();
    }

    @Test
    void anInjectedEaddrinuseMakesTheServerPrintItsPerrorLineAndExit1LabelledInjected() {
        ProgramFaults faults = new ProgramFaults(List.of(Injection.parse("bind=EADDRINUSE")));
        List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
        program = new TracedProgram(Programs.of(PracticeProgram.ECHO, Programs.freePort()), bus, live(), new FaultPlan(),
                faults, (stream, line) -> stderr.add(stream + " " + line));
        program.start();
        assertThat(program.awaitEnd(WAIT)).isTrue();

        assertThat(program.exit()).hasValueSatisfying(x -> assertThat(x.status()).isEqualTo(1));
        assertThat(program.state()).isEqualTo(ServerState.FAILED);
        assertThat(stderr).contains("STDERR bind: Address already in use");
        // the recorder reads the bus on a thread of its own: the end's notice, published after every call of the
        // program, reaches it a moment after the end; once it has, so has everything before it
        await().atMost(WAIT).until(() -> recorder.notices().contains("the process exited with status 1"));
        ServerEvent.CallReturned bind = recorder.returned(Step.BIND).get(0);
        assertThat(bind.injected()).isTrue();
        assertThat(bind.errno().name()).isEqualTo("EADDRINUSE");
        assertThat(bind.straceText()).endsWith("= -1 EADDRINUSE (Address already in use) [injected]");
        assertThat(JsonLines.toJson(bind)).contains("\"injected\":true");
        assertThat(recorder.returned(Step.LISTEN)).isEmpty();
        assertThat(recorder.notices()).containsSubsequence("stderr: bind: Address already in use",
                "the process exited with status 1");
        assertThat(Programs.free(program.command().argv().isEmpty() ? 0 : Integer.parseInt(program.command().argv().get(1)))).isTrue();
    }

    @Test
    void theProgramsLastOutputIsForwardedBeforeItsEndIsReported() {
        // a reader that passes each line on only once the program has ended: awaitEnd must still wait for the
        // perror() line written just before exit
        List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgramOutput late = (stream, line) -> {
            await().atMost(WAIT).until(() -> program.state() == ServerState.FAILED);
            stderr.add(stream + " " + line);
        };
        program = new TracedProgram(Programs.of(PracticeProgram.ECHO, Programs.freePort()), bus, live(), new FaultPlan(),
                new ProgramFaults(List.of(Injection.parse("bind=EADDRINUSE"))), late);
        program.start();
        assertThat(program.awaitEnd(WAIT)).isTrue();

        assertThat(stderr).containsExactly("STDERR bind: Address already in use");
        assertThat(program.stderrTail()).containsExactly("bind: Address already in use");
    }

    @Test
    void theSessionsFaultPlanFailsTheNextCallOfAStepAsInjected() throws Exception {
        FaultPlan plan = new FaultPlan();
        plan.failNext(Step.ACCEPT, Errno.byName("ECONNABORTED").orElseThrow());
        int port = Programs.freePort();
        program = new TracedProgram(Programs.of(PracticeProgram.ECHO, port), bus, live(), plan, new ProgramFaults(),
                ProgramOutput.NONE);
        program.start();
        assertThat(program.awaitListening(WAIT)).isTrue();
        try (Socket client = connect(port)) {
            client.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(client)).isEqualTo(LINE);
        }
        // the echo can arrive before the recorder has taken the second accept's event off the bus
        await().atMost(WAIT).until(() -> recorder.returned(Step.ACCEPT).size() >= 2);
        List<ServerEvent.CallReturned> accepts = recorder.returned(Step.ACCEPT);
        assertThat(accepts.get(0).injected()).isTrue();
        assertThat(accepts.get(0).errno().name()).isEqualTo("ECONNABORTED");
        assertThat(accepts.get(1).injected()).isFalse();
        assertThat(plan.armed(Step.ACCEPT)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"FORK", "THREAD"})
    void eachWorkerOfAForkOrThreadServerIsItsOwnActor(PracticeProgram p) throws Exception {
        int port = Programs.freePort();
        start(p, port, live(), new ProgramFaults());
        assertThat(program.awaitListening(WAIT)).isTrue();
        try (Socket a = connect(port); Socket b = connect(port)) {
            a.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            b.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(a)).isEqualTo(LINE);
            assertThat(readLine(b)).isEqualTo(LINE);
        }
        await().atMost(WAIT).until(() -> workers().size() == 2);
        Set<Integer> workers = workers();
        assertThat(workers).doesNotContain(program.pid());
        assertThat(recorder.returned(Step.ACCEPT)).allSatisfy(r -> assertThat(r.actor().pid()).isEqualTo(program.pid()));
        String started = p == PracticeProgram.FORK ? "forked: the new process is pid " : "started thread ";
        for (int worker : workers) {
            await().atMost(WAIT).until(() -> recorder.notices().contains(started + worker));
        }
    }

    private Set<Integer> workers() {
        return recorder.returned(Step.RECV).stream().map(r -> r.actor().pid()).collect(Collectors.toSet());
    }

    @Test
    void whileOneThreadIsHeldAtABreakpointTheOthersKeepRunning() throws Exception {
        int port = Programs.freePort();
        StepGate gate = live();
        gate.setBreakpoint(Step.SEND, true);
        start(PracticeProgram.THREAD, port, gate, new ProgramFaults());
        assertThat(program.awaitListening(WAIT)).isTrue();
        try (Socket a = connect(port); Socket b = connect(port)) {
            a.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            await().atMost(WAIT).until(() -> recorder.held().stream().anyMatch(h -> h.stage() == Step.SEND));
            int heldThread = recorder.held().get(0).actor().pid();
            b.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            // the main thread accepts b and b's worker reads its line while a's worker waits at the gate
            await().atMost(WAIT).until(() -> recorder.returned(Step.RECV).stream()
                    .anyMatch(r -> r.actor().pid() != heldThread && r.result() > 0));
            assertThat(recorder.returned(Step.SEND)).isEmpty();
            gate.setBreakpoint(Step.SEND, false);
            assertThat(readLine(a)).isEqualTo(LINE);
            assertThat(readLine(b)).isEqualTo(LINE);
        }
    }

    @Test
    void aProgramThatIgnoresSigtermAndItsChildrenAreKilledAfterTheGracePeriod() {
        program = new TracedProgram(ProgramCommand.of("/bin/sh", "-c", "trap '' TERM; sleep 60 & sleep 61 & wait"), bus, live());
        program.start();
        await().atMost(WAIT).until(() -> program.livePids().size() == 3);
        List<Integer> pids = program.livePids();

        assertThat(program.stop(Duration.ofSeconds(2))).isTrue();
        assertThat(program.livePids()).isEmpty();
        await().atMost(WAIT).until(() -> recorder.notices().stream().anyMatch(n -> n.startsWith("still running after")));
        assertThat(recorder.notices()).anySatisfy(n -> assertThat(n).startsWith("still running after")
                .endsWith("SIGKILL to every process of the program"));
        for (int pid : pids) {
            assertThat(ProcStat.state(pid)).as("pid %d", pid).isIn(null, "Z");
        }
        assertThat(program.exit()).hasValueSatisfying(x -> assertThat(x.signal()).isEqualTo("SIGKILL"));
    }

    @Test
    void callsOutOfTheTextbookOrderAreShownWhereTheyHappenWithTheirRealResults(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        CCompiler cc = CCompiler.find().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(cc != null, CCompiler.missingMessage());
        Path source = dir.resolve("odd.c");
        Files.writeString(source, """
                #include <sys/socket.h>
                #include <netinet/in.h>
                int main(void) {
                    int a = socket(AF_INET, SOCK_STREAM, 0);
                    listen(a, 1);                        /* listen before bind: the kernel picks a port */
                    int b = socket(AF_INET, SOCK_STREAM, 0);
                    accept(b, 0, 0);                     /* accept on a socket that does not listen */
                    return 0;
                }
                """);
        assertThat(cc.compile(source, dir.resolve("odd")).ok()).isTrue();
        program = new TracedProgram(new ProgramCommand(List.of("./odd"), dir), bus, live());
        program.start();
        assertThat(program.awaitEnd(WAIT)).isTrue();
        await().atMost(WAIT).until(() -> recorder.returned(Step.ACCEPT).size() == 1);

        assertThat(recorder.returned(Step.BIND)).isEmpty();
        ServerEvent.CallReturned listen = recorder.returned(Step.LISTEN).get(0);
        assertThat(listen.failed()).isFalse();
        assertThat(program.listeners()).singleElement().satisfies(l -> assertThat(l.port()).isPositive());
        ServerEvent.CallReturned accept = recorder.returned(Step.ACCEPT).get(0);
        assertThat(accept.straceText()).isEqualTo("accept(4, NULL, NULL) = -1 EINVAL (Invalid argument)");
        assertThat(accept.injected()).isFalse();
        assertThat(program.exit()).hasValueSatisfying(x -> assertThat(x.success()).isTrue());
    }

    @Test
    void aCommandThatIsNotThereOrCannotRunSaysSoAndStartsNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        program = new TracedProgram(new ProgramCommand(List.of("./no-such-server", "9090"), dir), bus, live());
        assertThatThrownBy(program::start).isInstanceOf(TraceFailure.class)
                .hasMessageContaining("command not found: ./no-such-server")
                .extracting(e -> ((TraceFailure) e).kind()).isEqualTo(TraceFailure.Kind.COMMAND_NOT_FOUND);
        assertThat(program.state()).isEqualTo(ServerState.FAILED);

        Files.writeString(dir.resolve("server.c"), "int main(void) { return 0; }\n");
        TracedProgram source = new TracedProgram(new ProgramCommand(List.of("./server.c"), dir), bus, live());
        assertThatThrownBy(source::start).hasMessageContaining("is C source: compile it first");

        Files.writeString(dir.resolve("script"), "#!/bin/sh\n");
        TracedProgram plain = new TracedProgram(new ProgramCommand(List.of("./script"), dir), bus, live());
        assertThatThrownBy(plain::start).hasMessageContaining("not executable: ./script has no execute permission");
        // the bus hands events to the recorder on its own thread: each of the three failed starts reports once
        await().atMost(WAIT).until(() -> recorder.events().stream().filter(ServerEvent.StateChanged.class::isInstance)
                .count() >= 3);
        assertThat(recorder.events()).filteredOn(ServerEvent.StateChanged.class::isInstance)
                .extracting(e -> ((ServerEvent.StateChanged) e).state()).containsOnly(ServerState.FAILED);
    }

    @Test
    void aProgramThatEndsAtOnceIsReportedWithItsStatus() {
        program = new TracedProgram(ProgramCommand.of("/bin/sh", "-c", "echo no port given >&2; exit 3"), bus, live());
        program.start();
        assertThat(program.awaitListening(WAIT)).isFalse();
        assertThat(program.awaitEnd(WAIT)).isTrue();
        assertThat(program.exit()).hasValueSatisfying(x -> assertThat(x.text()).isEqualTo("exited with status 3"));
        await().atMost(WAIT).until(() -> recorder.notices().contains("stderr: no port given"));
        assertThat(program.state()).isEqualTo(ServerState.FAILED);
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    static String readLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return sb.toString();
    }
}
