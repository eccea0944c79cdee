package org.socketstage.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.socketstage.ui.client.ClientPanelView;
import org.socketstage.ui.code.CodeView;
import org.socketstage.ui.controls.SettingsView;
import org.socketstage.ui.controls.ToolbarView;
import org.socketstage.ui.history.ScrubberView;
import org.socketstage.ui.lane.LaneView;
import org.socketstage.ui.log.EventLogView;
import org.socketstage.ui.log.EventLogViewModel;
import org.socketstage.ui.sockaddr.SockaddrView;
import org.socketstage.ui.sockets.SocketsView;

/** Controller of fxml/MainView.fxml: hands each included view its ViewModel and fills the pane tabs. */
public final class MainView {


    @FXML private BorderPane root;
    @FXML private ToolbarView toolbarController;
    @FXML private LaneView laneController;
    @FXML private SettingsView settingsController;
    @FXML private SocketsView socketsController;
    @FXML private ScrubberView scrubberController;
    @FXML private CodeView codeController;
    @FXML private SockaddrView sockaddrController;
    @FXML private EventLogView logController;
    @FXML private ClientPanelView clientController;
    @FXML private TabPane panes;
    @FXML private Tab codeTab;
    @FXML private Tab sockaddrTab;
    @FXML private Tab logTab;
    @FXML private Tab clientTab;
    @FXML private StatusBar statusBar;
    @FXML private Label viewLag;

    private final List<PaneController> included = new ArrayList<>();

    void init(MainViewModel vm, Runnable help) {
        Texts texts = vm.texts();
        toolbarController.init(vm.control(), vm.presentation(), texts, help);
        laneController.init(vm.lane(), vm.control(), texts);
        settingsController.init(vm.settings(), vm.control(), texts);
        socketsController.init(vm.sockets(), texts);
        scrubberController.init(vm.feed(), texts);
        for (PaneController pane : List.of(codeController, sockaddrController, logController, clientController)) {
            included.add(pane);
            vm.feed().addSink(pane.viewModel());
            pane.attach(vm.services());
        }
        EventLogViewModel log = logController.viewModel();
        vm.feed().addMomentAware(new MomentAware() {
            @Override
            public void showMoment(long seq) {
                log.showMoment(seq);
            }

            @Override
            public void showLive() {
                log.showLive();
            }
        });
        // going back in time must be obvious at a glance, not only in the scrubber's label
        vm.feed().liveProperty().addListener((o, wasLive, live) -> {
            root.getStyleClass().remove("viewing-history");
            if (!live) {
                root.getStyleClass().add("viewing-history");
            }
        });
        statusBar.setText(texts.format("status.backend", vm.socketApiName()));
    }

    /** Shows how far the view is behind the server, when it is. */
    void showLag(long dropped, int pending, Texts texts) {
        String text = dropped == 0 && pending < FxEventPump.MAX_EVENTS_PER_PULSE
                ? "" : texts.format("status.lag", dropped, pending);
        if (!text.equals(viewLag.getText())) {
            viewLag.setText(text);
        }
    }

    void shutdownPanes() {
        for (PaneController pane : included) {
            try {
                pane.shutdown();
            } catch (RuntimeException e) {
                System.err.println("SocketStage: pane " + pane.getClass().getSimpleName() + " failed to shut down: " + e);
            }
        }
    }

    BorderPane root() {
        return root;
    }

    EventLogView log() {
        return logController;
    }

    Tab clientTab() {
        return clientTab;
    }

    LaneView lane() {
        return laneController;
    }
}
