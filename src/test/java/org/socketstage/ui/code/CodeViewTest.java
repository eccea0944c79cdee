package org.socketstage.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Actor;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.PaneLoader;
import org.socketstage.ui.PaneSnapshots;
import org.socketstage.event.TestEvents;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CodeViewTest {

    private final TestEvents events = new TestEvents();
    private CodeView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        PaneLoader.Loaded<CodeView> loaded = PaneLoader.load("/fxml/code/CodeView.fxml",
                new CodeView(CodeViewModel.withBundledListings(org.socketstage.ui.text.UiText.load())));
        view = loaded.controller();
        scene = org.socketstage.ui.WindowStyles.apply(new Scene(loaded.root(), 900, 640));
        stage.setScene(scene);
        stage.show();
    }

    /** The visible cells of the shown tab that are in the given CSS pseudo-class state. */
    private List<ListCell<?>> cells(FxRobot robot, String pseudoClass) {
        PseudoClass state = PseudoClass.getPseudoClass(pseudoClass);
        return robot.lookup(".code-lines .list-cell").queryAll().stream()
                .<ListCell<?>>map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() != null && shown(c) && c.getPseudoClassStates().contains(state))
                .sorted(java.util.Comparator.comparingInt(c -> c.getIndex()))
                .toList();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String labelText(ListCell<?> cell, String styleClass) {
        return ((Label) cell.lookup("." + styleClass)).getText();
    }

    /** One event taken in and shown, as the window's feed does at its refresh. */
    private void feed(org.socketstage.event.ServerEvent event) {
        view.viewModel().apply(event);
        view.viewModel().publish();
    }

    @Test
    void theCurrentCallIsHighlightedWithItsResultBesideIt(FxRobot robot) {
        SockAddrIn address = SockAddrIn.loopback(9090);
        robot.interact(() -> {
            feed(events.ok(Actor.SERVER, org.socketstage.event.Step.SOCKET, "socket",
                    "AF_INET, SOCK_STREAM, 0", 3));
            feed(events.bind(address, 0, null));
        });

        List<ListCell<?>> current = cells(robot, "current");
        assertThat(current).hasSize(1);
        assertThat(labelText(current.get(0), "code-text")).contains("rc = bind(listenfd");
        assertThat(labelText(current.get(0), "code-annotation")).isEqualTo("→ 0");
        assertThat(labelText(current.get(0), "code-marker")).isEqualTo("▶");
        assertThat(robot.lookup(".code-last-call").queryAs(Label.class).getText()).contains("bind(3,");
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "code-bind-ok"));
    }

    @Test
    void aFiredCheckLightsUpWithTheErrno(FxRobot robot) {
        robot.interact(() -> feed(
                events.bind(SockAddrIn.loopback(9090), -1, Errno.byName("EADDRINUSE").orElseThrow())));

        List<ListCell<?>> fired = cells(robot, "check-fired");
        assertThat(fired).hasSize(4);
        assertThat(labelText(fired.get(0), "code-text")).contains("if (rc == -1)");
        assertThat(labelText(fired.get(0), "code-annotation")).isEqualTo("◀ check fired: EADDRINUSE");
        assertThat(labelText(fired.get(0), "code-marker")).isEqualTo("✗");
        assertThat(labelText(fired.get(1), "code-text")).contains("perror(\"bind\")");
        List<ListCell<?>> current = cells(robot, "current");
        assertThat(labelText(current.get(0), "code-annotation")).isEqualTo("→ -1 EADDRINUSE");
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "code-bind-eaddrinuse"));
    }

    @Test
    void theJavaTabShowsTheSameCallOnItsFusedBindLine(FxRobot robot) {
        robot.interact(() -> {
            feed(events.ok(Actor.SERVER, org.socketstage.event.Step.LISTEN, "listen", "3, 5", 0));
            robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1);
        });

        List<ListCell<?>> current = cells(robot, "current");
        assertThat(current).hasSize(1);
        assertThat(labelText(current.get(0), "code-text")).contains("listener.bind(address, 5)");
        assertThat(labelText(current.get(0), "code-annotation")).isEqualTo("→ 0");
        robot.interact(() -> feed(events.accept(5, SockAddrIn.loopback(51234))));
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "code-java-accept"));
    }
}
