package org.socketstage.lessons;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

class GoalParserTest {

    private static final TestEvents EVENTS = new TestEvents();

    private static boolean metBy(String goal, ServerEvent... events) throws GoalSyntaxException {
        Goal.Progress p = GoalParser.parse(goal).start();
        boolean met = false;
        for (ServerEvent e : events) {
            met |= p.offer(e);
        }
        return met;
    }

    @Test
    void callFailsWithAnErrnoIsMetOnlyByThatErrnoOnThatCall() throws Exception {
        assertThat(metBy("call bind fails EADDRINUSE", EVENTS.failedCall(Step.BIND, "bind", "EADDRINUSE"))).isTrue();
        assertThat(metBy("call bind fails EADDRINUSE", EVENTS.failedCall(Step.BIND, "bind", "EACCES"))).isFalse();
        assertThat(metBy("call bind fails EADDRINUSE", EVENTS.failedCall(Step.LISTEN, "listen", "EADDRINUSE"))).isFalse();
        assertThat(metBy("call bind fails EADDRINUSE", EVENTS.ok(Step.BIND, "bind", 0))).isFalse();
        assertThat(metBy("call bind fails", EVENTS.failedCall(Step.BIND, "bind", "EACCES"))).isTrue();
    }

    @Test
    void listenPortComparesThePortOfTheServersListenRow() throws Exception {
        assertThat(metBy("kernel listen-port != 9090", EVENTS.kernelQueue(0, 0, TcpState.LISTEN))).isFalse();
        assertThat(metBy("kernel listen-port == 9090", EVENTS.kernelQueue(0, 0, TcpState.LISTEN))).isTrue();
        assertThat(metBy("kernel listen-port == 9090", EVENTS.kernelQueue(0, 0, TcpState.TIME_WAIT)))
                .as("no LISTEN row, no port").isFalse();
    }

    @Test
    void serverConnectionsCountsAcceptedConnectionsNotYetClosed() throws Exception {
        Actor conn = Actor.connection(4, SockAddrIn.loopback(50000));
        ServerEvent accept = EVENTS.ok(Step.ACCEPT, "accept", 4);
        ServerEvent close = EVENTS.returned(conn, Step.CLOSE_CLIENT, "close", 0, null, false);
        ServerEvent clientConnect = EVENTS.returned(Actor.client(9, null), Step.ACCEPT, "connect", 0, null, false);
        assertThat(metBy("server connections >= 2", accept, close, EVENTS.ok(Step.ACCEPT, "accept", 5)))
                .as("an iterative server: one at a time").isFalse();
        assertThat(metBy("server connections >= 2", accept, EVENTS.ok(Step.ACCEPT, "accept", 5))).isTrue();
        assertThat(metBy("server connections >= 2", clientConnect, clientConnect, accept))
                .as("a client's connect() is not an accepted connection").isFalse();
        assertThat(metBy("server connections >= 1", EVENTS.failedCall(Step.ACCEPT, "accept", "EMFILE"))).isFalse();
    }

    @Test
    void alternativeErrnosAreSeparatedByABar() throws Exception {
        String goal = "call send fails EPIPE|ECONNRESET";
        assertThat(metBy(goal, EVENTS.failedCall(Step.SEND, "send", "EPIPE"))).isTrue();
        assertThat(metBy(goal, EVENTS.failedCall(Step.SEND, "send", "ECONNRESET"))).isTrue();
        assertThat(metBy(goal, EVENTS.failedCall(Step.SEND, "send", "EINTR"))).isFalse();
    }

    @Test
    void returnsComparesTheResultOfSuccessfulCalls() throws Exception {
        assertThat(metBy("call recv returns 0", EVENTS.ok(Step.RECV, "recv", 0))).isTrue();
        assertThat(metBy("call recv returns 0", EVENTS.ok(Step.RECV, "recv", 5))).isFalse();
        assertThat(metBy("call recv returns 0", EVENTS.failedCall(Step.RECV, "recv", "ECONNRESET"))).isFalse();
        assertThat(metBy("call send returns >= 1", EVENTS.ok(Step.SEND, "send", 6))).isTrue();
        assertThat(metBy("call send returns < 3", EVENTS.ok(Step.SEND, "send", 6))).isFalse();
    }

    @Test
    void theStageNamesTheSyscallWhenTheEngineCallsItDifferently() throws Exception {
        assertThat(metBy("call accept succeeds", EVENTS.ok(Step.ACCEPT, "accept4", 4))).isTrue();
        assertThat(metBy("call close-client succeeds", EVENTS.ok(Step.CLOSE_CLIENT, "close", 0))).isTrue();
        assertThat(metBy("call close-client succeeds", EVENTS.ok(Step.CLOSE_LISTENER, "close", 0))).isFalse();
        assertThat(metBy("call close succeeds", EVENTS.ok(Step.CLOSE_LISTENER, "close", 0))).isTrue();
        assertThat(metBy("call any fails", EVENTS.failedCall(Step.LISTEN, "listen", "EADDRINUSE"))).isTrue();
    }

    @Test
    void realAndSimulatedAreTellable() throws Exception {
        ServerEvent sim = EVENTS.simulatedFail(Step.ACCEPT, "accept", "EMFILE");
        assertThat(metBy("call accept fails EMFILE simulated", sim)).isTrue();
        assertThat(metBy("call accept fails EMFILE real", sim)).isFalse();
        assertThat(metBy("call accept fails EMFILE", sim)).isTrue();
        assertThat(metBy("call accept fails EMFILE simulated", EVENTS.failedCall(Step.ACCEPT, "accept", "EMFILE"))).isFalse();
    }

    @Test
    void clientCallsAndServerCallsAreKeptApart() throws Exception {
        Actor client = Actor.client(7, SockAddrIn.loopback(50000));
        ServerEvent refused = EVENTS.returned(client, Step.ACCEPT, "connect", -1, Errno.byName("ECONNREFUSED").get(),
                false);
        assertThat(metBy("client call connect fails ECONNREFUSED", refused)).isTrue();
        assertThat(metBy("call connect fails ECONNREFUSED", refused)).isFalse();
        ServerEvent clientRecv = EVENTS.returned(client, Step.RECV, "recv", 0, null, false);
        assertThat(metBy("call recv returns 0", clientRecv)).as("a client's recv is not the server's").isFalse();
    }

    @Test
    void countGoalsCountMatchingCalls() throws Exception {
        Goal.Progress p = GoalParser.parse("count call accept succeeds >= 2").start();
        assertThat(p.offer(EVENTS.ok(Step.ACCEPT, "accept", 4))).isFalse();
        assertThat(p.offer(EVENTS.failedCall(Step.ACCEPT, "accept", "EMFILE"))).isFalse();
        assertThat(p.offer(EVENTS.ok(Step.RECV, "recv", 3))).isFalse();
        assertThat(p.offer(EVENTS.ok(Step.ACCEPT, "accept", 5))).isTrue();
        assertThat(metBy("count call accept >= 2", EVENTS.ok(Step.ACCEPT, "accept", 4),
                EVENTS.failedCall(Step.ACCEPT, "accept", "EMFILE"))).isTrue();
    }

    @Test
    void kernelGoalsReadTheSnapshot() throws Exception {
        assertThat(metBy("kernel accept-queue >= 3", EVENTS.kernelQueue(2, 0, TcpState.LISTEN))).isFalse();
        assertThat(metBy("kernel accept-queue >= 3", EVENTS.kernelQueue(3, 0, TcpState.LISTEN))).isTrue();
        assertThat(metBy("kernel state TIME_WAIT", EVENTS.kernelQueue(0, 0, TcpState.LISTEN))).isFalse();
        assertThat(metBy("kernel state TIME_WAIT", EVENTS.kernelQueue(0, 0, TcpState.TIME_WAIT))).isTrue();
        assertThat(metBy("kernel state SYN_SENT >= 2", EVENTS.kernelQueue(0, 0, TcpState.SYN_SENT))).isFalse();
        assertThat(metBy("kernel state SYN_SENT >= 2",
                EVENTS.kernelQueue(0, 0, TcpState.SYN_SENT, TcpState.SYN_SENT))).isTrue();
    }

    @Test
    void listenOverflowsMustRiseAfterTheFirstSnapshot() throws Exception {
        assertThat(metBy("kernel listen-overflows rises", EVENTS.kernelQueue(0, 17))).as("one snapshot is no rise")
                .isFalse();
        assertThat(metBy("kernel listen-overflows rises", EVENTS.kernelQueue(0, 17), EVENTS.kernelQueue(2, 17))).isFalse();
        assertThat(metBy("kernel listen-overflows rises", EVENTS.kernelQueue(0, 17), EVENTS.kernelQueue(2, 19))).isTrue();
    }

    @Test
    void serverStateGoal() throws Exception {
        assertThat(metBy("server state FAILED", EVENTS.state(ServerState.RUNNING))).isFalse();
        assertThat(metBy("server state FAILED", EVENTS.state(ServerState.FAILED))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "call bnid fails|unknown call 'bnid'",
        "call bind fails EADDRINUSED|unknown errno 'EADDRINUSED'",
        "call bind|missing outcome after 'call bind'",
        "call bind explodes|expected succeeds, fails or returns after the call name, found 'explodes'",
        "call recv returns zero|expected a whole number, found 'zero'",
        "kernel accept-queue ~ 3|expected a comparison (==, !=, <, <=, >, >=), found '~'",
        "kernel accept-queue >=|missing a number at the end",
        "kernel state TIMEWAIT|unknown TCP state 'TIMEWAIT'",
        "kernel listen-overflows falls|expected 'rises' after listen-overflows, found 'falls'",
        "kernel queue 3|expected accept-queue, state, listen-overflows or listen-port after kernel, found 'queue'",
        "server state DEAD|unknown server state 'DEAD'",
        "count call accept returns 1 >= 2|a count goal takes succeeds or fails, not returns",
        "count call accept|missing a comparison",
        "call bind succeeds now|unexpected 'now' at the end",
        "make bind fail|a goal starts with call, client, count, kernel or server, not 'make'",
        "client connect fails|expected 'call' after client",
    })
    void badGoalsSayWhatWasWrongAndWhatIsAccepted(String goal, String what) {
        assertThatThrownBy(() -> GoalParser.parse(goal))
                .isInstanceOf(GoalSyntaxException.class)
                .hasMessageStartingWith("bad goal '" + goal + "': ")
                .hasMessageContaining(what)
                .hasMessageContaining("Accepted forms: [client] call NAME succeeds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyGoalIsAnError(String goal) {
        assertThatThrownBy(() -> GoalParser.parse(goal)).hasMessageContaining("empty goal");
    }

    @Test
    void everyGoalInTheReadmeTableParses() throws Exception {
        for (String g : List.of("call bind succeeds", "call bind fails", "call bind fails EADDRINUSE",
                "call recv returns 0", "call send returns >= 1", "call accept fails EMFILE simulated",
                "client call connect fails ECONNREFUSED", "count call accept succeeds >= 2",
                "count client call connect fails real == 1", "kernel accept-queue >= 3", "kernel state TIME_WAIT",
                "kernel state SYN_SENT >= 2", "kernel listen-overflows rises", "server state FAILED",
                "call any fails simulated", "call recv returns = 0")) {
            assertThat(GoalParser.parse(g).text()).isEqualTo(g);
        }
    }
}
