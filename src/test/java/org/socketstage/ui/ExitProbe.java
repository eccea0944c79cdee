package org.socketstage.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.socketstage.ui.lane.StageStatus;

/**
 * Runs the whole app in its own JVM (see AppExitTest): starts the server in live mode, and once it waits in
 * accept() closes the window the way a user would. Prints the moment of closing so the test can time the exit.
 */
public class ExitProbe extends SocketStageApp {

    @Override
    public void start(Stage stage) {
        super.start(stage);
        MainViewModel vm = window().viewModel();
        vm.settings().portProperty().set(System.getProperty("probe.port"));
        vm.control().live();
        vm.lane().cardProperty(org.socketstage.event.Step.ACCEPT).addListener((o, a, card) -> {
            if (card.status() == StageStatus.ACTIVE) {
                System.out.println("LISTENING");
                System.out.flush();
                Platform.runLater(() -> {
                    System.out.println("CLOSING");
                    System.out.flush();
                    stage.close();
                });
            }
        });
    }

    /** A main class that is not an Application, so the java launcher runs it from the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(ExitProbe.class, args);
        }
    }
}
