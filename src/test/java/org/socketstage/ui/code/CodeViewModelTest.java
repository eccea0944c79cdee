package org.socketstage.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.event.TestEvents;
import org.socketstage.ui.text.UiText;

class CodeViewModelTest {

    private final TestEvents events = new TestEvents();
    private final CodeViewModel vm = CodeViewModel.withBundledListings(UiText.load());
    private final SockAddrIn address = SockAddrIn.loopback(9090);

    /** Applies one event and publishes it, as the feed's refresh would. */
    private void apply(ServerEvent event) {
        vm.apply(event);
        vm.publish();
    }

    private int cLineOf(Step stage) {
        return vm.c().listing().site(stage).orElseThrow().call().first();
    }

    private int cCheckOf(Step stage) {
        return vm.c().listing().site(stage).orElseThrow().check().first();
    }

    @Test
    void aSuccessfulBindHighlightsItsLineWithTheResult() {
        apply(events.started(Actor.SERVER, Step.BIND, "bind", "3, " + address.straceText() + ", 16"));
        int bind = cLineOf(Step.BIND);
        assertThat(vm.c().currentLine()).isEqualTo(bind);
        assertThat(vm.c().line(bind).annotation()).isEqualTo("… calling");

        apply(events.bind(address, 0, null));

        CodeLine line = vm.c().line(bind);
        assertThat(line.current()).isTrue();
        assertThat(line.text()).contains("bind(listenfd");
        assertThat(line.annotation()).isEqualTo("→ 0");
        assertThat(line.failed()).isFalse();
        assertThat(vm.c().line(cCheckOf(Step.BIND)).checkFired()).isFalse();
        assertThat(vm.lastCall()).startsWith("server: bind(3, {sa_family=AF_INET").endsWith(") = 0");
    }

    @Test
    void aClientPanelCallDoesNotMoveTheServersHighlight() {
        apply(events.started(Actor.SERVER, Step.ACCEPT, "accept", "3, ..., [16]"));
        int accept = cLineOf(Step.ACCEPT);
        apply(events.started(Actor.client(7, null), Step.ACCEPT, "connect", "7, " + address.straceText() + ", 16"));
        apply(events.ok(Actor.client(7, null), Step.ACCEPT, "connect", "7, " + address.straceText() + ", 16", 0));
        assertThat(vm.c().currentLine()).isEqualTo(accept);
        assertThat(vm.c().line(accept).annotation()).isEqualTo("… calling");
    }

    @Test
    void theNextCallMovesTheHighlightAndKeepsEarlierResults() {
        apply(events.ok(Actor.SERVER, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 3));
        apply(events.started(Actor.SERVER, Step.SETSOCKOPT, "setsockopt", "3, SOL_SOCKET, SO_REUSEADDR, [1], 4"));

        assertThat(vm.c().line(cLineOf(Step.SOCKET)).current()).isFalse();
        assertThat(vm.c().line(cLineOf(Step.SOCKET)).annotation()).isEqualTo("→ 3");
        assertThat(vm.c().line(cLineOf(Step.SETSOCKOPT)).current()).isTrue();
    }

    @Test
    void aFailedBindShowsMinusOneWithErrnoAndLightsItsCheck() {
        apply(events.bind(address, -1, Errno.byName("EADDRINUSE").orElseThrow()));

        CodeLine call = vm.c().line(cLineOf(Step.BIND));
        assertThat(call.annotation()).isEqualTo("→ -1 EADDRINUSE");
        assertThat(call.failed()).isTrue();
        LineRange check = vm.c().listing().site(Step.BIND).orElseThrow().check();
        for (int n = check.first(); n <= check.last(); n++) {
            assertThat(vm.c().line(n).checkFired()).as("line " + n).isTrue();
        }
        assertThat(vm.c().line(check.first()).annotation()).isEqualTo("◀ check fired: EADDRINUSE");
        assertThat(vm.c().line(cCheckOf(Step.LISTEN)).checkFired()).isFalse();
        assertThat(vm.lastCall()).contains("= -1 EADDRINUSE (Address already in use)");

        int javaCheck = vm.java().listing().site(Step.BIND).orElseThrow().check().first();
        assertThat(vm.java().line(javaCheck).checkFired()).isTrue();
        assertThat(vm.java().line(javaCheck).text()).contains("catch (BindException e)");
    }

    @Test
    void acceptShowsTheNewFdAndThePeer() {
        apply(events.accept(5, SockAddrIn.loopback(51234)));
        assertThat(vm.c().line(cLineOf(Step.ACCEPT)).annotation()).isEqualTo("→ 5 (127.0.0.1:51234)");
        int javaAccept = vm.java().listing().site(Step.ACCEPT).orElseThrow().call().first();
        assertThat(vm.java().currentLine()).isEqualTo(javaAccept);
        assertThat(vm.java().line(javaAccept).annotation()).isEqualTo("→ 5 (127.0.0.1:51234)");
    }

    @Test
    void recvShowsTheByteCountAndTheBytes() {
        apply(events.recv(5, SockAddrIn.loopback(51234), "hello\n"));
        assertThat(vm.c().line(cLineOf(Step.RECV)).annotation()).isEqualTo("→ 6  \"hello\\n\"");
    }

    @Test
    void eventsChangeNothingShownUntilThePublishWhichWritesOnlyTheLatest() {
        apply(events.accept(5, SockAddrIn.loopback(51234)));
        int recv = cLineOf(Step.RECV);
        java.util.List<Integer> setLines = new java.util.ArrayList<>();
        vm.c().lines().addListener((javafx.collections.ListChangeListener<CodeLine>) change -> {
            while (change.next()) {
                setLines.add(change.getFrom() + 1);
            }
        });
        String lastCallBefore = vm.lastCall();
        for (int i = 0; i < 500; i++) {
            vm.apply(events.started(Actor.SERVER, Step.RECV, "recv", "5, ..., 4096, 0"));
            vm.apply(events.recv(5, SockAddrIn.loopback(51234), "line " + i + "\n"));
        }
        assertThat(setLines).as("no line touched before the publish").isEmpty();
        assertThat(vm.lastCall()).isEqualTo(lastCallBefore);
        assertThat(vm.c().currentLine()).isEqualTo(cLineOf(Step.ACCEPT));

        vm.publish();

        assertThat(vm.c().line(recv).annotation()).isEqualTo("→ 9  \"line 499\\n\"");
        assertThat(vm.c().currentLine()).isEqualTo(recv);
        assertThat(vm.lastCall()).contains("recv(").endsWith(") = 9");
        // the accept line stops being current and the recv line gets its result: a few lines, each once
        assertThat(setLines).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(vm.c().listing().lines().size())
                .contains(recv);
    }

    @Test
    void aStopDuringACallSaysWhichCallItInterruptedAtThePublish() {
        apply(events.started(Actor.SERVER, Step.ACCEPT, "accept", "3, ..., [16]"));
        vm.apply(events.state(org.socketstage.event.ServerState.STOPPED));
        vm.publish();
        assertThat(vm.lastCall()).contains("accept(3, ..., [16])");
        assertThat(vm.c().line(cLineOf(Step.ACCEPT)).annotation()).isNull();
    }

    @Test
    void aSimulatedFailureIsLabelledSimulated() {
        apply(events.failed(Actor.SERVER, Step.LISTEN, "listen", "3, 5", "EADDRINUSE", true));
        CodeLine line = vm.c().line(cLineOf(Step.LISTEN));
        assertThat(line.annotation()).isEqualTo("→ -1 EADDRINUSE  [simulated]");
        assertThat(line.simulated()).isTrue();
        assertThat(vm.lastCall()).contains("[simulated]");
    }

    @Test
    void aFiredCheckGoesOutWhenItsCallRunsAgain() {
        apply(events.failed(Actor.SERVER, Step.ACCEPT, "accept", "3, ...", "ECONNABORTED", false));
        assertThat(vm.c().line(cCheckOf(Step.ACCEPT)).checkFired()).isTrue();

        apply(events.started(Actor.SERVER, Step.ACCEPT, "accept", "3, ..."));

        assertThat(vm.c().line(cCheckOf(Step.ACCEPT)).checkFired()).isFalse();
        assertThat(vm.c().line(cCheckOf(Step.ACCEPT)).annotation()).isNull();
    }

    @Test
    void aHeldCallSaysWhyItWaits() {
        apply(events.held(Step.LISTEN, "listen", "breakpoint"));
        assertThat(vm.c().line(cLineOf(Step.LISTEN)).annotation()).isEqualTo("‖ waiting (breakpoint)");
        assertThat(vm.c().line(cLineOf(Step.LISTEN)).current()).isTrue();
    }

    @Test
    void resetThenReplayGivesTheSameLinesAsLive() {
        var e1 = events.ok(Actor.SERVER, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 3);
        var e2 = events.bind(address, -1, Errno.byName("EADDRINUSE").orElseThrow());
        var e3 = events.started(Actor.SERVER, Step.BIND, "bind", "3, ...");
        apply(e1);
        apply(e2);
        var afterTwo = java.util.List.copyOf(vm.c().lines());
        apply(e3);

        vm.reset();
        assertThat(vm.c().lines()).allMatch(l -> l.annotation() == null && !l.current() && !l.checkFired());
        assertThat(vm.c().currentLine()).isZero();

        apply(e1);
        apply(e2);
        assertThat(vm.c().lines()).containsExactlyElementsOf(afterTwo);
    }

    @Test
    void eventsThatAreNotCallsLeaveTheCodeAlone() {
        var before = java.util.List.copyOf(vm.c().lines());
        apply(events.state(org.socketstage.event.ServerState.RUNNING, "started"));
        apply(events.notice("hello"));
        apply(events.kernelUnavailable(9090));
        assertThat(vm.c().lines()).containsExactlyElementsOf(before);
    }

    @Test
    void getsocknameIsNotInTheProgramAndLeavesBindsResultAlone() {
        apply(events.bind(SockAddrIn.loopback(0), 0, null));
        apply(events.ok(Actor.SERVER, Step.BIND, "getsockname", "3, ..., [16]", 0));
        assertThat(vm.lastCall()).contains("bind(3,");
        assertThat(vm.c().line(cLineOf(Step.BIND)).annotation()).isEqualTo("→ 0");
    }

    @Test
    void theSockaddrStepSaysTheStructWasFilledNotCalled() {
        SockAddrIn a = SockAddrIn.loopback(9090);
        apply(new org.socketstage.event.ServerEvent.CallReturned(1, java.time.Instant.now(), Actor.SERVER,
                Step.SOCKADDR, "sockaddr_in", "sin_family=AF_INET, ...", 0, null, false, null, null, a,
                a.structBytes(), 1));
        LineRange block = vm.c().listing().site(Step.SOCKADDR).orElseThrow().call();
        assertThat(vm.c().line(block.last()).annotation()).isEqualTo("→ filled in for 127.0.0.1:9090 (not a system call)");
        assertThat(vm.c().line(block.first()).current()).isTrue();
    }

    @Test
    void theUncheckedSocketFaultShowsTheProgramWithoutThatCheckNorSetsockoptsAsTheEngineRunsIt() {
        int bindBefore = cLineOf(Step.BIND);
        int javaLines = vm.java().lines().size();
        vm.leaveOutCheck(Step.SOCKET);
        assertThat(vm.c().listing().site(Step.SOCKET).orElseThrow().hasCheck()).isFalse();
        assertThat(vm.c().listing().site(Step.SETSOCKOPT).orElseThrow().hasCheck()).isFalse();
        assertThat(vm.c().lines()).noneMatch(l -> l.text().contains("listenfd == -1"))
                .noneMatch(l -> l.text().contains("perror(\"setsockopt\")"));
        assertThat(vm.java().lines()).as("Java has no -1 to forget").hasSize(javaLines);
        apply(events.bind(address, 0, null));
        assertThat(vm.c().currentLine()).isEqualTo(bindBefore - 8);
        assertThat(vm.c().line(bindBefore - 8).annotation()).isEqualTo("→ 0");
        vm.leaveOutCheck(null);
        assertThat(vm.c().lines()).anyMatch(l -> l.text().contains("listenfd == -1"));
    }

    @Test
    void afterAFailedSetupCallTheCleanUpCloseLeavesTheFiredCheckInView() {
        apply(events.bind(address, -1, Errno.byName("EADDRINUSE").orElseThrow()));
        apply(events.started(Actor.SERVER, Step.CLOSE_LISTENER, "close", "3"));
        apply(events.ok(Actor.SERVER, Step.CLOSE_LISTENER, "close", "3", 0));

        assertThat(vm.c().currentLine()).isEqualTo(cLineOf(Step.BIND));
        assertThat(vm.c().line(cCheckOf(Step.BIND)).checkFired()).isTrue();
        assertThat(vm.c().line(cLineOf(Step.CLOSE_LISTENER)).annotation()).isNull();
        assertThat(vm.lastCall()).isEqualTo("server: close(3) = 0");

        apply(events.started(Actor.SERVER, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"));
        apply(events.ok(Actor.SERVER, Step.CLOSE_LISTENER, "close", "3", 0));
        assertThat(vm.c().currentLine()).isEqualTo(cLineOf(Step.CLOSE_LISTENER));
    }
}
