package org.socketstage.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.socketstage.event.CallArgs;
import org.socketstage.event.ResultSource;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.event.TestEvents;
import org.socketstage.ui.text.UiText;

class EventLogViewModelTest {

    private final TestEvents events = new TestEvents();
    private final EventLogViewModel vm = new EventLogViewModel(UiText.load(), 100, Runnable::run);
    private final SockAddrIn peer = SockAddrIn.loopback(51234);

    private void feedASession() {
        vm.apply(events.started(Actor.SERVER, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"));
        vm.apply(events.ok(Actor.SERVER, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 3));
        vm.apply(events.failed(Actor.SERVER, Step.BIND, "bind", "3, {...}, 16", "EADDRINUSE", false));
        vm.apply(events.accept(5, peer));
        vm.apply(events.recv(5, peer, "hi\n"));
        vm.apply(events.failed(Actor.connection(5, peer), Step.SEND, "send", "5, \"hi\\n\", 3, MSG_NOSIGNAL", "EPIPE", true));
        vm.apply(events.kernelUnavailable(9090));
        vm.apply(events.state(ServerState.FAILED, "bind failed"));
        vm.apply(events.notice("hello"));
        vm.publish();
    }

    @Test
    void everyEventBecomesARowWithItsColumns() {
        feedASession();
        assertThat(vm.rows()).hasSize(9);
        LogRow bind = vm.rows().get(2);
        assertThat(bind.actor().label()).isEqualTo("server");
        assertThat(bind.call()).isEqualTo("bind(3, {...}, 16)");
        assertThat(bind.result()).isEqualTo("-1");
        assertThat(bind.errno()).isEqualTo("EADDRINUSE");
        assertThat(vm.rows().get(0).result()).isEqualTo("… running");
        assertThat(vm.rows().get(3).result()).isEqualTo("5");
        assertThat(vm.rows().get(5).result()).isEqualTo("-1  [simulated]");
        assertThat(vm.rows().get(5).simulated()).isTrue();
        assertThat(vm.rows().get(6).call()).isEqualTo("kernel view");
        assertThat(vm.rows().get(7).result()).isEqualTo("FAILED: bind failed");
        assertThat(vm.rows().get(8).result()).isEqualTo("hello");
    }

    @Test
    void errorsOnlyShowsTheFailedCalls() {
        feedASession();
        vm.errorsOnlyProperty().set(true);
        assertThat(vm.shownRows()).extracting(LogRow::errno).containsExactly("EADDRINUSE", "EPIPE");
        vm.errorsOnlyProperty().set(false);
        assertThat(vm.shownRows()).hasSize(9);
    }

    @Test
    void filtersByKindOfActorAndByOneActor() {
        feedASession();
        ActorFilter connections = vm.actorChoices().stream()
                .filter(f -> f.kind() == Actor.Kind.CONNECTION && f.actorLabel() == null).findFirst().orElseThrow();
        vm.actorFilterProperty().set(connections);
        assertThat(vm.shownRows()).extracting(LogRow::call).containsExactly(
                "recv(5, \"hi\\n\", 4096, 0)", "send(5, \"hi\\n\", 3, MSG_NOSIGNAL)");

        ActorFilter conn5 = vm.actorChoices().stream()
                .filter(f -> "conn 5 127.0.0.1:51234".equals(f.actorLabel())).findFirst().orElseThrow();
        vm.actorFilterProperty().set(conn5);
        vm.errorsOnlyProperty().set(true);
        assertThat(vm.shownRows()).extracting(LogRow::errno).containsExactly("EPIPE");

        ActorFilter kernel = vm.actorChoices().stream()
                .filter(f -> f.kind() == Actor.Kind.KERNEL).findFirst().orElseThrow();
        vm.errorsOnlyProperty().set(false);
        vm.actorFilterProperty().set(kernel);
        assertThat(vm.shownRows()).singleElement().extracting(LogRow::call).isEqualTo("kernel view");
    }

    @Test
    void theViewHoldsAtMostItsCapacityAndCountsWhatItDropped() {
        for (int i = 0; i < 250; i++) {
            vm.apply(events.notice("n" + i));
            if (i % 70 == 0) {
                vm.publish(); // batches of several sizes, the last one alone larger than the capacity
            }
        }
        vm.publish();
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.droppedProperty().get()).isEqualTo(150);
        assertThat(vm.rows().get(0).seq()).isEqualTo(151);
        assertThat(vm.rows().get(99).result()).isEqualTo("n249");
    }

    @Test
    void copyGivesOneTabSeparatedLinePerRow() {
        feedASession();
        String text = vm.copyText(vm.rows().subList(2, 4));
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0].split("\t")).containsExactly("3", EventLogViewModel.timeText(vm.rows().get(2).time()),
                "server", "bind(3, {...}, 16)", "-1", "EADDRINUSE");
        assertThat(lines[1]).startsWith("4\t").contains("\taccept(3, ").endsWith("\t5\t");
    }

    @Test
    void theMomentIsFoundAmongTheShownRows() {
        feedASession();
        vm.showMoment(4);
        assertThat(vm.shownIndexOfMoment()).isEqualTo(3);
        vm.errorsOnlyProperty().set(true);
        // seq 4 (accept) is hidden: the nearest shown row before it is the failed bind
        assertThat(vm.shownIndexOfMoment()).isZero();
        vm.showLive();
        assertThat(vm.shownIndexOfMoment()).isEqualTo(-1);
    }

    @Test
    void aBufferRowIsWrittenWhenFirstReadAndALargeBufferIsNotKept() {
        Actor conn = Actor.connection(5, peer);
        byte[] small = "hi\n".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[LogRow.MAX_HELD_BYTES + 1];
        Arrays.fill(large, (byte) 'a');
        vm.apply(new ServerEvent.CallReturned(1, Instant.EPOCH, conn, Step.RECV, "recv",
                CallArgs.buffer(5, small, 0, small.length, 4096, "0"), small.length, null, ResultSource.KERNEL, null,
                small, null, null, 40));
        vm.apply(new ServerEvent.CallReturned(2, Instant.EPOCH, conn, Step.SEND, "send",
                CallArgs.buffer(5, large, 0, large.length, large.length, "MSG_NOSIGNAL"), large.length, null,
                ResultSource.KERNEL, null, large, null, null, 40));
        vm.publish();

        LogRow smallRow = vm.rows().get(0);
        LogRow largeRow = vm.rows().get(1);
        assertThat(smallRow.waitsToWriteCall()).isTrue();
        assertThat(largeRow.waitsToWriteCall()).as("a large buffer is written at once, not kept").isFalse();
        assertThat(smallRow.call()).isEqualTo("recv(5, \"hi\\n\", 4096, 0)");
        assertThat(smallRow.waitsToWriteCall()).as("the arguments are let go once written").isFalse();
        assertThat(smallRow.call()).isSameAs(smallRow.call());
        assertThat(largeRow.call()).startsWith("send(5, \"aaaa").endsWith("\"..., 257, MSG_NOSIGNAL)");
        assertThat(vm.copyText(vm.rows())).startsWith("1\t").contains("\trecv(5, \"hi\\n\", 4096, 0)\t3\t");
    }

    @Test
    void resetEmptiesTheViewForAReplay() {
        feedASession();
        for (int i = 0; i < 200; i++) {
            vm.apply(events.notice("n" + i));
        }
        vm.showMoment(3);
        vm.reset();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.droppedProperty().get()).isZero();
        assertThat(vm.momentProperty().get()).isEqualTo(-1);
        assertThat(vm.actorChoices()).allMatch(f -> f.actorLabel() == null);
    }
}
