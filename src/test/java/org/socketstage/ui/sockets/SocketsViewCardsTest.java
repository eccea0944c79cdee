package org.socketstage.ui.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/** A class leaving and the next connecting: the cards of connections no longer drawn are the new ones' cards. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketsViewCardsTest {

    private static final int PORT = 9090;
    private final TestEvents ev = new TestEvents();
    private SocketsPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        pane = SocketsPane.show(stage);
        scene = pane.scene();
        org.socketstage.ui.WindowStyles.apply(scene);
    }

    @Test
    void theNextClassTakesTheCardsOfTheLastAndEachShowsItsOwnConnection(FxRobot robot) {
        feed(robot, ev.ok(Step.SOCKET, "socket", "", 3, null), ev.ok(Step.BIND, "bind", "", 0, SockAddrIn.loopback(PORT)),
                ev.listenStarted(3, 8), ev.ok(Step.LISTEN, "listen", "3, 8", 0, null));
        int drawn = SocketsViewModel.MAX_DRAWN;
        for (int i = 0; i < drawn; i++) {
            feed(robot, ev.ok(Step.ACCEPT, "accept", "", 4 + i, SockAddrIn.loopback(50000 + i)));
        }
        List<ConnectionNode> first = cards(robot);
        assertThat(first).hasSize(drawn);

        // the class leaves: each connection closed, and gone from the kernel's table
        for (int i = 0; i < drawn; i++) {
            feed(robot, ev.conn(4 + i, SockAddrIn.loopback(50000 + i), Step.CLOSE_CLIENT, "close", 0),
                    ev.kernel(snapshot()));
        }
        int keptGone = SocketsViewModel.MAX_GONE_SHOWN;
        assertThat(cards(robot)).hasSize(keptGone);
        // the next class: as many new connections as there is room for
        for (int i = 0; i < drawn - keptGone; i++) {
            feed(robot, ev.ok(Step.ACCEPT, "accept", "", 4 + i, SockAddrIn.loopback(51000 + i)));
        }

        List<ConnectionNode> next = cards(robot);
        assertThat(next).hasSize(drawn);
        Set<ConnectionNode> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(first);
        assertThat(next).as("no card made anew").allMatch(before::contains);
        List<ConnectionNode> open = next.subList(keptGone, drawn);
        for (int i = 0; i < open.size(); i++) {
            ConnectionNode card = open.get(i);
            String peer = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> ((Label) card.getChildren().get(1)).getText());
            assertThat(peer).as("the card of the %d. new connection", i + 1).contains("127.0.0.1:" + (51000 + i));
        }
        assertThat(open).allSatisfy(c -> {
            assertThat(c.getOpacity()).as("a kept card is not faded").isEqualTo(1.0);
            assertThat(c.getPseudoClassStates()).contains(ConnectionState.OPEN.pseudoClass())
                    .doesNotContain(ConnectionState.GONE.pseudoClass());
        });
    }

    private static KernelSnapshot snapshot() {
        return new KernelSnapshot(PORT, true, "", List.of(new TcpSocketRow(TcpState.LISTEN, "127.0.0.1", PORT, "0.0.0.0", 0, 0, 0, 1, false)),
                OptionalInt.of(0), OptionalInt.of(4096), OptionalInt.of(8), OptionalLong.of(0));
    }

    private List<ConnectionNode> cards(FxRobot robot) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            List<ConnectionNode> out = new ArrayList<>();
            for (Node n : ((javafx.scene.Parent) scene.getRoot().lookup("#connections")).getChildrenUnmodifiable()) {
                if (n instanceof ConnectionNode c) {
                    out.add(c);
                }
            }
            return out;
        });
    }

    private void feed(FxRobot robot, ServerEvent... events) {
        pane.feed(robot, events);
    }
}
