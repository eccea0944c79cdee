package org.socketstage.ui;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.socketstage.event.Step;
import org.socketstage.ui.lane.StageStatus;

/**
 * The whole app in its own JVM, for {@link CloseRequestsTest}: brings the server into the state named by
 * {@code probe.state} (idle: not started; stepping: held before a call in step mode; live: waiting in accept()
 * for the test's flood of clients), prints READY, then on a line "CLOSE" from stdin asks the window to close
 * the way a window manager's close button does (a WINDOW_CLOSE_REQUEST event, which hides it unless consumed).
 */
public class CloseProbe extends SocketStageApp {

    @Override
    public void start(Stage stage) {
        super.start(stage);
        MainViewModel vm = window().viewModel();
        vm.settings().portProperty().set(System.getProperty("probe.port"));
        String state = System.getProperty("probe.state", "idle");
        switch (state) {
            case "stepping" -> {
                // held before socket(), one step, then held before setsockopt(): a class in the middle of stepping
                vm.lane().cardProperty(Step.SOCKET).addListener((o, a, card) -> {
                    if (card.status() == StageStatus.NEXT) {
                        vm.control().step();
                    }
                });
                vm.lane().cardProperty(Step.SETSOCKOPT).addListener((o, a, card) -> {
                    if (card.status() == StageStatus.NEXT) {
                        ready();
                    }
                });
                vm.control().step();
            }
            case "live" -> {
                // a thread per client, so all fifty students are served at once, as in a class
                vm.settings().concurrencyProperty().set(org.socketstage.settings.Concurrency.THREAD_PER_CLIENT);
                vm.control().live();
                vm.lane().cardProperty(Step.ACCEPT).addListener((o, a, card) -> {
                    if (card.status() == StageStatus.ACTIVE || card.status() == StageStatus.OK) {
                        ready();
                    }
                });
            }
            // idle: ready once the window is on screen and its first pulse has run, so the close is timed, not the start
            default -> Platform.runLater(() -> Platform.runLater(this::ready));
        }
        Thread commands = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("CLOSE")) {
                        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
                    }
                }
            } catch (java.io.IOException e) {
                // the test has gone; the JVM ends with it
            }
        }, "probe-commands");
        commands.setDaemon(true);
        commands.start();
    }

    private boolean told;

    private void ready() {
        if (!told) {
            told = true;
            System.out.println("READY");
            System.out.flush();
        }
    }

    /** A main class that is not an Application, so the java launcher runs it from the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(CloseProbe.class, args);
        }
    }
}
