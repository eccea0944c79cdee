package org.socketstage.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up anchor: the smallest JavaFX program that shows a window. Prints SHOWN at the first pulse after
 * the window is shown, as {@link ProbedWindow} does, then waits to be ended (SIGTERM).
 */
public final class HelloWorldFx extends Application {

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 400, 200));
        stage.setTitle("Hello");
        stage.show();
        ProbedWindow.sayShownAtNextPulse();
    }

    /** A main class that is not an Application, so the java launcher runs it from the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(HelloWorldFx.class, args);
        }
    }

}
