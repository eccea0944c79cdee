package org.socketstage.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socketstage.instructor.EventLog.server;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.event.JsonLines;
import org.socketstage.event.StraceFormat;

/**
 * The faults SocketStage cannot or should not produce for real: their failure is labelled simulated in the
 * event and in both transcript formats, and whatever follows from it (bind(-1)) is real.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedFaultsTest extends FaultDemoTestBase {

    @Test
    void uncheckedSocketCarriesMinusOneIntoBindWhichFailsWithARealEbadf() throws Exception {
        FaultDemo demo = Fault.UNCHECKED_SOCKET.newDemo();
        setUp(demo);
        CallReturned socket = log.awaitReturned(server(Step.SOCKET));
        assertSimulated(socket, UncheckedSocket.SOCKET_ERRNO);

        CallReturned bind = log.awaitReturned(server(Step.BIND));
        assertThat(bind.errno().name()).isEqualTo("EBADF");
        assertThat(bind.simulated()).as("the kernel itself rejected fd -1").isFalse();
        assertThat(bind.args().text()).startsWith("-1, ");
        assertThat(StraceFormat.line(bind)).doesNotContain("[simulated]");
        assertThat(room.faults().uncheckedSocket()).isTrue();
        recoversAfterUndo(demo);
        assertThat(room.faults().uncheckedSocket()).isFalse();
    }

    @Test
    void emfileFromAcceptIsSimulatedWhileAClientWaitsInTheQueue() throws Exception {
        FaultDemo demo = Fault.EMFILE.newDemo();
        Outcome o = setUp(demo);
        assertThat(log.awaitReturned(EventLog.client("connect")).failed()).isFalse();
        CallReturned accept = log.awaitReturned(server(Step.ACCEPT));
        assertSimulated(accept, "EMFILE");
        assertThat(o.summary()).contains("[simulated]");
        // the server backs off and accepts the same waiting client for real on the next try
        CallReturned retry = log.awaitReturned(server(Step.ACCEPT).and(r -> !r.failed()));
        assertThat(retry.simulated()).isFalse();
        assertThat(retry.address().port()).isEqualTo(log.awaitReturned(EventLog.client("getsockname")).address().port());
        assertThat(o.summary()).contains("tried again");
        recoversAfterUndo(demo);
    }

    /** Issue 12: the retry ran at once and replaced the failed accept() on screen before anyone saw it. */
    @Test
    void emfilePausesAtTheFailedAcceptUntilRunThenTheRetryTakesTheClient() throws Exception {
        FaultDemo demo = Fault.EMFILE.newDemo();
        demo.pauseAtFault(true);
        java.util.concurrent.CompletableFuture<Outcome> setUp = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return demo.setUp(room, progress::add);
            } catch (InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        CallReturned accept = log.awaitReturned(server(Step.ACCEPT));
        assertSimulated(accept, "EMFILE");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> room.gate().paused() && room.gate().held().size() == 1);
        assertThat(room.gate().held().get(0).stage()).as("held right after the failed call").isEqualTo(Step.ACCEPT);
        assertThat(log.events()).as("nothing of the server after the failed accept()").noneMatch(e -> e.seq() > accept.seq()
                && (e instanceof org.socketstage.event.ServerEvent.CallStarted c && c.actor().kind() != org.socketstage.event.Actor.Kind.CLIENT
                        || e instanceof CallReturned r && r.actor().kind() != org.socketstage.event.Actor.Kind.CLIENT));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> progress.stream().anyMatch(l -> l.startsWith("paused at the fault")));
        assertThat(setUp).as("the set-up waits for the instructor").isNotDone();

        room.run();
        Outcome o = setUp.get(30, TimeUnit.SECONDS);
        assertThat(o.summary()).contains("[simulated]").contains("tried again");
        CallReturned retry = log.awaitReturned(server(Step.ACCEPT).and(r -> !r.failed()));
        assertThat(retry.seq()).isGreaterThan(accept.seq());
        recoversAfterUndo(demo);
    }

    /** Issue 12: the card said what a server ought to do; it says what this one did. */
    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"BIND", "ACCEPT", "RECV"})
    void anyErrnosCardFollowsWhatTheServerReallyDidNext(Step stage) throws Exception {
        AnyErrno demo = (AnyErrno) Fault.ANY_ERRNO.newDemo();
        demo.choose(stage, Errno.byName("EIO").orElseThrow());
        Outcome o = setUp(demo);
        CallReturned failed = log.awaitReturned(server(stage).and(CallReturned::failed));
        var after = log.events().stream().filter(e -> e.seq() > failed.seq()).toList();
        boolean stopped = after.stream().anyMatch(e -> e instanceof org.socketstage.event.ServerEvent.StateChanged c
                && c.state() == org.socketstage.event.ServerState.FAILED);
        if (stage == Step.BIND) {
            assertThat(stopped).isTrue();
            assertThat(o.summary()).contains("This server then stopped (FAILED");
        } else if (stage == Step.ACCEPT) {
            assertThat(o.summary()).contains("This server then went back to accept()");
        } else {
            assertThat(o.summary()).contains("This server then closed that connection: close(");
        }
        recoversAfterUndo(demo);
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"SOCKET", "SETSOCKOPT", "BIND", "LISTEN", "ACCEPT", "RECV", "SEND"})
    void anyChosenCallFailsWithTheChosenErrnoLabelledSimulated(Step stage) throws Exception {
        AnyErrno demo = (AnyErrno) Fault.ANY_ERRNO.newDemo();
        demo.choose(stage, Errno.byName("EINTR").orElseThrow());
        Outcome o = setUp(demo);
        CallReturned failed = log.awaitReturned(server(stage).and(CallReturned::failed));
        assertSimulated(failed, "EINTR");
        assertThat(o.summary()).contains("simulated").contains("calls it again");
        recoversAfterUndo(demo);
    }

    @Test
    void privilegedPortGivesEaccesRealOrSaysWhyItIsSimulatedHere() throws Exception {
        FaultDemo demo = Fault.PRIVILEGED_PORT.newDemo();
        Outcome o = setUp(demo);
        CallReturned bind = log.awaitReturned(server(Step.BIND));
        assertThat(bind.errno().name()).isEqualTo("EACCES");
        assertThat(bind.args().text()).contains("htons(80)");
        var allowed = HostFacts.system().whyLowPortIsAllowed(PrivilegedPort.PORT);
        if (allowed.isPresent()) {
            // root or CAP_NET_BIND_SERVICE (or a low ip_unprivileged_port_start): the kernel would allow port 80
            assertSimulated(bind, "EACCES");
            assertThat(o.summary()).contains("Simulated, because").contains(allowed.get());
            assertThat(String.join("\n", progress)).contains("a real bind() would succeed");
        } else {
            assertThat(bind.simulated()).isFalse();
            assertThat(o.summary()).contains("Real");
        }
        recoversAfterUndo(demo);
        assertThat(room.config().port()).isZero();
    }

    @Test
    void anyErrnoRejectsCallsItCannotFailAndUnknownErrnosWithTheAcceptedValues() {
        assertThat(AnyErrno.check("accept", "EINTR")).isEmpty();
        assertThat(AnyErrno.check("recv()", "econnreset")).isEmpty();
        assertThat(AnyErrno.check("close(listener)", "EIO")).hasValueSatisfying(m ->
                assertThat(m).contains("cannot fail 'close(listener)'").contains("accept()").contains("send()"));
        assertThat(AnyErrno.check("accept", "EBOGUS")).hasValueSatisfying(m ->
                assertThat(m).contains("unknown errno 'EBOGUS'").contains("EMFILE").contains("ECONNABORTED"));
        AnyErrno demo = new AnyErrno();
        assertThatThrownBy(() -> demo.choose(Step.SOCKADDR, Errno.byName("EINVAL").orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sockaddr_in");
    }

    private static void assertSimulated(CallReturned r, String errno) {
        assertThat(r.failed()).isTrue();
        assertThat(r.errno().name()).isEqualTo(errno);
        assertThat(r.simulated()).isTrue();
        assertThat(StraceFormat.line(r)).contains("-1 " + errno + " (").contains(") [simulated]");
        assertThat(JsonLines.toJson(r)).contains("\"simulated\":true").contains("\"name\":\"" + errno + "\"");
    }
}
