package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A pane tab is loaded from its FXML once, when first shown or first asked for, and not before. */
@ExtendWith(ApplicationExtension.class)
class LazyTabTest {

    @TempDir
    static Path folder;

    private TabPane panes;
    private final AtomicInteger loads = new AtomicInteger();
    private final List<Pane> built = new ArrayList<>();
    private LazyTab<Pane> second;

    /** The controller of the test's FXML. */
    public static final class Pane {
        @FXML private Label text;

        String text() {
            return text.getText();
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        panes = new TabPane(new Tab("first"), new Tab("second"));
        Path fxml = folder.resolve("pane.fxml");
        Files.writeString(fxml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <?import javafx.scene.control.Label?>
                <Label xmlns:fx="http://javafx.com/fxml/1" fx:controller="org.socketstage.ui.LazyTabTest$Pane"
                       fx:id="text" id="lazy-label" text="built"/>
                """);
        second = new LazyTab<>(panes.getTabs().get(1), fxml.toString(), path -> {
            loads.incrementAndGet();
            try {
                FXMLLoader loader = new FXMLLoader(Path.of(path).toUri().toURL());
                loader.load();
                return loader;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, built::add);
        stage.setScene(new Scene(panes, 300, 200));
        stage.show();
    }

    @Test
    void theTabIsEmptyUntilShownThenBuiltOnce(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loads).hasValue(0);
        assertThat(panes.getTabs().get(1).getContent()).isNull();
        assertThat(robot.lookup("#lazy-label").tryQuery()).isEmpty();

        robot.interact(() -> panes.getSelectionModel().select(1));
        assertThat(loads).hasValue(1);
        assertThat(robot.lookup("#lazy-label").queryAs(Label.class).getText()).isEqualTo("built");
        assertThat(built).hasSize(1);

        robot.interact(() -> panes.getSelectionModel().select(0));
        robot.interact(() -> panes.getSelectionModel().select(1));
        assertThat(loads).as("built once, however often shown").hasValue(1);
        assertThat(second.controller()).isSameAs(built.get(0));
    }

    @Test
    void askingForTheControllerBuildsThePaneWithoutShowingIt(FxRobot robot) {
        Pane pane = MainWindowTest.fx(() -> second.controller());
        assertThat(pane.text()).isEqualTo("built");
        assertThat(loads).hasValue(1);
        assertThat(panes.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(second.isBuilt()).isTrue();
    }
}
