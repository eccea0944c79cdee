package org.socketstage.ui.sockaddr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.PaneLoader;
import org.socketstage.ui.PaneSnapshots;
import org.socketstage.event.TestEvents;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SockaddrViewTest {

    private SockaddrView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        PaneLoader.Loaded<SockaddrView> loaded = PaneLoader.load("/fxml/sockaddr/SockaddrView.fxml",
                new SockaddrView(new SockaddrViewModel(org.socketstage.ui.text.UiText.load()), org.socketstage.ui.text.UiText.load()));
        view = loaded.controller();
        scene = org.socketstage.ui.WindowStyles.apply(new Scene(loaded.root(), 760, 420));
        stage.setScene(scene);
        stage.show();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void showsNotBuiltYetThenTheRealBytesAfterBind(FxRobot robot) {
        assertThat(robot.lookup(".sockaddr-status").queryAs(Label.class).getText()).startsWith("Not built yet");
        assertThat(robot.lookup(".byte-order").queryAs(Node.class).isVisible()).isFalse();
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "sockaddr-not-built"));

        robot.interact(() -> view.viewModel().apply(new TestEvents().bind(SockAddrIn.loopback(9090), 0, null)));

        assertThat(String.join(" ", texts(robot, ".byte-hex")))
                .isEqualTo("02 00 23 82 7f 00 00 01 00 00 00 00 00 00 00 00");
        assertThat(texts(robot, ".field-name")).containsExactly("sin_family", "sin_port", "sin_addr", "sin_zero");
        assertThat(texts(robot, ".field-cell-hex")).contains("23 82", "7f 00 00 01");
        assertThat(robot.lookup(".port-value").queryAs(Label.class).getText()).isEqualTo("Port 9090 = 0x2382");
        assertThat(robot.lookup(".order-network").queryAs(Label.class).getText()).isEqualTo("23 82");
        assertThat(robot.lookup(".byte-order").queryAs(Node.class).isVisible()).isTrue();
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "sockaddr-127.0.0.1-9090"));
    }
}
