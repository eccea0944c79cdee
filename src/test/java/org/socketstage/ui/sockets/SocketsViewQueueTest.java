package org.socketstage.ui.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.event.TestEvents;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.socket.SockAddrIn;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The accept queue's slots as drawn: each names the client waiting in it, also when the queue moves on. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketsViewQueueTest {

    private static final int PORT = 9090;
    private final TestEvents ev = new TestEvents();
    private SocketsPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        pane = SocketsPane.show(stage);
        scene = pane.scene();
    }

    @Test
    void eachSlotsTooltipNamesItsClientAsAcceptTakesTheHeadOfTheQueue(FxRobot robot) {
        feed(robot, ev.ok(Step.SOCKET, "socket", "", 3, null), ev.ok(Step.BIND, "bind", "", 0, SockAddrIn.loopback(PORT)),
                ev.listenStarted(3, 2), ev.ok(Step.LISTEN, "listen", "3, 2", 0, null));
        feed(robot, ev.kernel(queueOf(50001, 50002, 50003)));
        List<Label> before = filledSlots(robot);
        assertThat(before).extracting(l -> l.getTooltip().getText())
                .containsExactly("127.0.0.1:50001", "127.0.0.1:50002", "127.0.0.1:50003");
        List<Tooltip> tips = before.stream().map(Label::getTooltip).toList();

        feed(robot, ev.kernel(queueOf(50002, 50003))); // accept() took 50001: the others move up one slot

        List<Label> after = filledSlots(robot);
        assertThat(after).extracting(Label::getText).containsExactly("● 50002", "● 50003");
        assertThat(after).extracting(l -> l.getTooltip().getText()).containsExactly("127.0.0.1:50002", "127.0.0.1:50003");
        // the slots keep their tooltips and change their words: a new Tooltip is a new window and scene
        assertThat(after).extracting(Label::getTooltip).containsExactly(tips.get(0), tips.get(1));
    }

    @Test
    void aClientArrivingInTheQueueMovesNoSlot(FxRobot robot) {
        // with the window's stylesheet: a slot keeps its size whatever it shows, so the queue does not reflow (a
        // node that moves or changes size is repainted whole, with all it moves)
        robot.interact(() -> org.socketstage.ui.WindowStyles.apply(scene));
        feed(robot, ev.ok(Step.SOCKET, "socket", "", 3, null), ev.ok(Step.BIND, "bind", "", 0, SockAddrIn.loopback(PORT)),
                ev.listenStarted(3, 8), ev.ok(Step.LISTEN, "listen", "3, 8", 0, null));
        feed(robot, ev.kernel(queueOf()));
        List<Bounds> empty = slotBounds(robot);
        assertThat(empty).hasSize(3); // the kernel's limit of 2, and the one more Linux holds

        feed(robot, ev.kernel(queueOf(50001, 65535)));

        assertThat(filledSlots(robot)).extracting(Label::getText).containsExactly("● 50001", "● 65535");
        assertThat(slotBounds(robot)).isEqualTo(empty);
        // and the widest port still fits: the label shows its whole text, not "● 65…"
        assertThat(filledSlots(robot)).allSatisfy(slot -> assertThat(
                ((Text) slot.lookup(".text")).getText()).isEqualTo(slot.getText()));
    }

    private List<Bounds> slotBounds(FxRobot robot) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return robot.lookup(".queue-slot").queryAllAs(Label.class).stream().map(Label::getBoundsInParent).toList();
        });
    }

    private void feed(FxRobot robot, ServerEvent... events) {
        pane.feed(robot, events);
    }

    private List<Label> filledSlots(FxRobot robot) {
        return robot.lookup(".queue-slot").queryAllAs(Label.class).stream()
                .filter(l -> l.getPseudoClassStates().contains(SocketsView.FILLED))
                .sorted(java.util.Comparator.comparingDouble(l -> l.localToScene(0, 0).getX()))
                .toList();
    }

    private static KernelSnapshot queueOf(int... clientPorts) {
        List<TcpSocketRow> rows = new java.util.ArrayList<>();
        rows.add(new TcpSocketRow(TcpState.LISTEN, "127.0.0.1", PORT, "0.0.0.0", 0, 0, clientPorts.length, 1, false));
        for (int p : clientPorts) {
            rows.add(new TcpSocketRow(TcpState.ESTABLISHED, "127.0.0.1", PORT, "127.0.0.1", p, 0, 0, 1, false));
        }
        return new KernelSnapshot(PORT, true, "", rows, OptionalInt.of(clientPorts.length), OptionalInt.of(4096),
                OptionalInt.of(2), OptionalLong.of(0));
    }
}
