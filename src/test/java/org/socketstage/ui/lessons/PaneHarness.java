package org.socketstage.ui.lessons;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** Loads the real pane FXML with the app's bundle into a stage, and writes PNG snapshots of it. */
final class PaneHarness {

    static final String FXML = "/fxml/lessons/LessonPaneView.fxml";

    final LessonPaneView view;
    final Scene scene;
    /** Frames drawn so far (laid out, after the pulse's layout pass). */
    final AtomicInteger pulses = new AtomicInteger();

    private PaneHarness(LessonPaneView view, Scene scene) {
        this.view = view;
        this.scene = scene;
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
    }

    /** Waits (off the FX thread) until the stage has drawn {@code n} more frames, asking for them. */
    void frames(FxRobot robot, int n) {
        int target = pulses.get() + n;
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            robot.interact(Platform::requestNextPulse);
            return pulses.get() >= target;
        });
    }

    /** Call on the FX thread (e.g. from TestFX's @Start). Starts from no saved progress. */
    static PaneHarness show(Stage stage, double width, double height) throws IOException {
        LessonProgress.forUser().reset();
        org.socketstage.ui.text.UiText text = org.socketstage.ui.text.UiText.load();
        LessonPaneView view = new LessonPaneView(new LessonPaneViewModel(LessonPaneView.loadLibrary(null),
                LessonProgress.forUser()), text);
        Parent root = org.socketstage.ui.PaneLoader.load(FXML, view).root();
        Scene scene = new Scene(root, width, height);
        stage.setScene(scene);
        stage.show();
        return new PaneHarness(view, scene);
    }

    static <T extends Node> T lookup(Node root, String selector, Class<T> type) {
        return type.cast(Objects.requireNonNull(root.lookup(selector), "no node " + selector));
    }

    /** The section marked "the server is here", or null; call on the FX thread. */
    static VBox markedSection(Node root) {
        return root.lookupAll(".lesson-section").stream()
                .filter(n -> n.getPseudoClassStates().contains(LessonReader.SERVER_HERE))
                .map(VBox.class::cast).findFirst().orElse(null);
    }

    /** Call on the FX thread. */
    Path snapshot(String name) {
        return org.socketstage.ui.PaneSnapshots.save(scene, name);
    }
}
