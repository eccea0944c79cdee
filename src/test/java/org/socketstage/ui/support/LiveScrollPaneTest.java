package org.socketstage.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * JavaFX draws a ScrollPane's viewport through a cached image, so any change inside redraws everything in it; the
 * panes that change while the server runs turn that cache off.
 */
@ExtendWith(ApplicationExtension.class)
class LiveScrollPaneTest {

    private ScrollPane plain;
    private LiveScrollPane live;
    private Label changing;

    @Start
    void start(Stage stage) {
        changing = new Label("in 0 B");
        plain = new ScrollPane(new Label("static"));
        live = new LiveScrollPane(changing);
        stage.setScene(new Scene(new HBox(plain, live), 400, 200));
        stage.show();
        stage.getScene().getRoot().applyCss(); // the skins exist now, not at the next pulse
    }

    private static boolean viewportCached(ScrollPane pane) {
        return pane.getChildrenUnmodifiable().stream()
                .filter(c -> c.getStyleClass().contains("viewport"))
                .findFirst().map(Node::isCache).orElseThrow();
    }

    @Test
    void theLivePaneDrawsItsViewportDirectlyWhereJavaFxWouldCacheIt(FxRobot robot) {
        assertThat(viewportCached(plain)).as("JavaFX's own ScrollPane (why LiveScrollPane exists)").isTrue();
        assertThat(viewportCached(live)).isFalse();
        assertThat(live.viewportCached()).isFalse();
        robot.interact(() -> {
            changing.setText("in 1,234 B");
            live.setContent(new Label("another"));
        });
        assertThat(live.viewportCached()).isFalse();
    }

    @Test
    void aNewSkinAlsoDrawsDirectly(FxRobot robot) {
        robot.interact(() -> live.setSkin(live.createDefaultSkin()));
        assertThat(live.viewportCached()).isFalse();
    }
}
