package org.socketstage.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.HostServices;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.socketstage.record.EventSpool;
import org.socketstage.ui.client.ClientPanelView;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.instructor.InstructorPanelViewModel;
import org.socketstage.ui.code.CodeView;
import org.socketstage.ui.controls.SettingsView;
import org.socketstage.ui.controls.ToolbarView;
import org.socketstage.ui.history.ScrubberView;
import org.socketstage.ui.instructor.InstructorPanelSwitch;
import org.socketstage.ui.instructor.InstructorPanelView;
import org.socketstage.ui.lane.LaneView;
import org.socketstage.ui.log.EventLogView;
import org.socketstage.ui.lessons.LessonPaneView;
import org.socketstage.ui.log.EventLogViewModel;
import org.socketstage.ui.schematic.SchematicView;
import org.socketstage.ui.text.UiText;
import org.socketstage.ui.sockaddr.SockaddrView;
import org.socketstage.ui.sockets.SocketsView;
import org.socketstage.ui.trace.ProgramPaneView;

/** Controller of fxml/MainView.fxml: hands each included view its ViewModel and fills the pane tabs. */
public final class MainView {

    private static final System.Logger LOG = System.getLogger(MainView.class.getName());


    @FXML private BorderPane root;
    @FXML private ToolbarView toolbarController;
    @FXML private LaneView laneController;
    @FXML private SettingsView settingsController;
    @FXML private SocketsView socketsController;
    @FXML private ScrubberView scrubberController;
    @FXML private SchematicView stageController;
    @FXML private MenuItem traceMenuItem;
    @FXML private Tab programTab;
    @FXML private CheckMenuItem instructorMenuItem;
    @FXML private CheckMenuItem presentMenuItem;
    @FXML private SplitPane split;
    @FXML private ScrollPane settingsScroll;
    @FXML private ScrollPane socketsScroll;
    @FXML private Tab stageTab;
    @FXML private VBox bottomBar;
    @FXML private MenuItem keysMenuItem;
    @FXML private MenuItem aboutMenuItem;
    @FXML private MenuItem exportJsonMenuItem;
    @FXML private MenuItem exportStraceMenuItem;
    @FXML private MenuItem startMenuItem;
    @FXML private MenuItem stepMenuItem;
    @FXML private MenuItem runMenuItem;
    @FXML private MenuItem pauseMenuItem;
    @FXML private MenuItem liveMenuItem;
    @FXML private MenuItem stopMenuItem;
    @FXML private MenuItem clearBreakpointsMenuItem;
    @FXML private CheckMenuItem fullScreenMenuItem;
    @FXML private CheckMenuItem darkMenuItem;
    @FXML private MenuItem setUpMenuItem;
    @FXML private MenuItem followUpMenuItem;
    @FXML private MenuItem undoMenuItem;
    @FXML private Tab lessonsTab;
    @FXML private Tab instructorTab;
    @FXML private TabPane panes;
    @FXML private Tab codeTab;
    @FXML private Tab sockaddrTab;
    @FXML private Tab logTab;
    @FXML private Tab clientTab;
    @FXML private StatusBar statusBar;
    @FXML private Label viewLag;

    private final List<PaneController> included = new ArrayList<>();
    private final MainViewModel vm;
    private final WindowActions actions;
    private final Function<String, FXMLLoader> loading;
    private LazyTab<CodeView> code;
    private LazyTab<LessonPaneView> lessons;
    private LazyTab<SockaddrView> sockaddr;
    private LazyTab<EventLogView> log;
    private LazyTab<ClientPanelView> clients;
    private LazyTab<ProgramPaneView> program;
    private LazyTab<InstructorPanelView> instructor;
    private HostServices hostServices;
    /** Held here: a bidirectional binding refers to its ends only weakly. */
    private InstructorPanelSwitch instructorSwitch;
    private double[] dividers = {0.17, 0.55};
    private boolean fullScreenFollowed;

    MainView(MainViewModel vm, WindowActions actions, Function<String, FXMLLoader> loading) {
        this.vm = vm;
        this.actions = actions;
        this.loading = loading;
    }

    @FXML
    private void initialize() {
        UiText texts = vm.texts();
        included.add(stageController);
        code = lazy(codeTab, "fxml/code/CodeView.fxml", included::add);
        lessons = lazy(lessonsTab, "fxml/lessons/LessonPaneView.fxml", pane -> {
            included.add(pane);
            pane.setHostServices(hostServices);
        });
        sockaddr = lazy(sockaddrTab, "fxml/sockaddr/SockaddrView.fxml", included::add);
        log = lazy(logTab, "fxml/log/EventLogView.fxml", included::add);
        clients = lazy(clientTab, "fxml/client/ClientPanelView.fxml", included::add);
        program = lazy(programTab, "fxml/trace/ProgramPaneView.fxml", included::add);
        instructor = lazy(instructorTab, "fxml/instructor/InstructorPanelView.fxml", included::add);
        instructorSwitch = InstructorPanelSwitch.load();
        showInstructorPanel(instructorSwitch);
        // the log's rows follow the history even before its tab is first shown (its pane is built then)
        EventLogViewModel logRows = vm.log();
        vm.feed().addMomentAware(new MomentAware() {
            @Override
            public void showMoment(long seq) {
                logRows.showMoment(seq);
            }

            @Override
            public void showLive() {
                logRows.showLive();
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
        PresentationViewModel presentation = vm.presentation();
        presentMenuItem.selectedProperty().bindBidirectional(presentation.presentingProperty());
        presentation.presentingProperty().addListener((o, was, on) -> present(on));
        present(presentation.presentingProperty().get());
        vm.program().unsupportedReason().ifPresent(reason -> {
            traceMenuItem.setDisable(true);
            traceMenuItem.setText(texts.format("menu.traceProgram.unsupported", reason));
        });
        bindMenus();
    }

    private <C> LazyTab<C> lazy(Tab tab, String fxml, Consumer<C> built) {
        return new LazyTab<>(tab, fxml, loading, built);
    }

    /** Lets the lesson pane's confirmed links open in the browser (now, or when the pane is built). */
    void setHostServices(HostServices services) {
        hostServices = services;
        if (lessons.isBuilt()) {
            lessons.controller().setHostServices(services);
        }
    }

    /**
     * The presentation layout: the settings and sockets columns, the history scrubber and the status bar step
     * aside so the lane and the stage fill the window; the other panes stay one click away in their tabs.
     * Leaving it puts everything back as it was.
     */
    private void present(boolean on) {
        root.getStyleClass().remove("presenting");
        bottomBar.setVisible(!on);
        bottomBar.setManaged(!on);
        if (on) {
            root.getStyleClass().add("presenting");
            if (split.getItems().contains(settingsScroll)) {
                dividers = split.getDividerPositions();
            }
            split.getItems().removeAll(settingsScroll, socketsScroll);
            panes.getSelectionModel().select(stageTab);
        } else if (!split.getItems().contains(settingsScroll)) {
            split.getItems().add(0, socketsScroll);
            split.getItems().add(0, settingsScroll);
            split.setDividerPositions(dividers);
        }
    }

    @FXML
    private void onTraceProgram() {
        actions.traceProgram();
    }

    /** Brings the Program tab forward (a program is being traced). */
    void showProgramTab() {
        panes.getSelectionModel().select(programTab);
    }

    /** The menus show every action with its key, enabled when the toolbar's and panels' buttons are. */
    private void bindMenus() {
        ServerControlViewModel control = vm.control();
        stepMenuItem.setAccelerator(KeyHint.of(vm.texts().get("key.space")));
        runMenuItem.setAccelerator(KeyHint.of("R"));
        pauseMenuItem.setAccelerator(KeyHint.of("P"));
        liveMenuItem.setAccelerator(KeyHint.of("L"));
        startMenuItem.disableProperty().bind(control.canStartProperty().not());
        stopMenuItem.disableProperty().bind(control.serverActiveProperty().not());
        pauseMenuItem.disableProperty().bind(control.serverActiveProperty().not());
        stepMenuItem.disableProperty().bind(control.serverActiveProperty().not().and(control.canStartProperty().not()));
        runMenuItem.disableProperty().bind(stepMenuItem.disableProperty());
        liveMenuItem.disableProperty().bind(stepMenuItem.disableProperty());
        clearBreakpointsMenuItem.disableProperty().bind(Bindings.isEmpty(control.breakpoints()));
        EventLogViewModel log = vm.log();
        exportJsonMenuItem.disableProperty().bind(log.exportAvailableProperty().not().or(log.exportingProperty()));
        exportStraceMenuItem.disableProperty().bind(exportJsonMenuItem.disableProperty());
        PresentationViewModel presentation = vm.presentation();
        darkMenuItem.setSelected(presentation.themeProperty().get() == PresentationViewModel.Theme.DARK);
        darkMenuItem.selectedProperty().addListener((o, a, dark) -> presentation.themeProperty().set(
                dark ? PresentationViewModel.Theme.DARK : PresentationViewModel.Theme.LIGHT));
        presentation.themeProperty().addListener(
                (o, a, t) -> darkMenuItem.setSelected(t == PresentationViewModel.Theme.DARK));
        InstructorPanelViewModel instructor = vm.instructor();
        setUpMenuItem.disableProperty().bind(instructorMenuItem.selectedProperty().not()
                .or(instructor.busyProperty()).or(instructor.connectedProperty().not()));
        followUpMenuItem.disableProperty().bind(setUpMenuItem.disableProperty()
                .or(instructor.followUpAvailableProperty().not()));
        undoMenuItem.disableProperty().bind(instructorMenuItem.selectedProperty().not()
                .or(instructor.connectedProperty().not()));
        // the stage exists once the scene is shown; the menu item follows it both ways
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((ow, a, window) -> followFullScreen(window));
                followFullScreen(scene.getWindow());
            }
        });
    }

    private void followFullScreen(javafx.stage.Window window) {
        if (window instanceof javafx.stage.Stage stage && !fullScreenFollowed) {
            fullScreenFollowed = true;
            fullScreenMenuItem.setSelected(stage.isFullScreen());
            stage.fullScreenProperty().addListener((o, a, on) -> fullScreenMenuItem.setSelected(on));
            fullScreenMenuItem.selectedProperty().addListener((o, a, on) -> {
                if (stage.isFullScreen() != on) {
                    stage.setFullScreen(on);
                }
            });
        }
    }

    @FXML
    private void onExportJsonl() {
        tabs().select(logTab);
        log.controller().export(EventSpool.Format.JSON_LINES);
    }

    @FXML
    private void onExportStrace() {
        tabs().select(logTab);
        log.controller().export(EventSpool.Format.STRACE);
    }

    @FXML
    private void onStart() {
        vm.control().start();
    }

    @FXML
    private void onStep() {
        vm.control().step();
    }

    @FXML
    private void onRun() {
        vm.control().run();
    }

    @FXML
    private void onPause() {
        vm.control().pause();
    }

    @FXML
    private void onLive() {
        vm.control().live();
    }

    @FXML
    private void onStop() {
        vm.control().stop();
    }

    @FXML
    private void onToggleBreakpoint() {
        laneController.toggleBreakpoint(root.getScene() == null ? null : root.getScene().getFocusOwner());
    }

    @FXML
    private void onClearBreakpoints() {
        ServerControlViewModel control = vm.control();
        for (org.socketstage.event.Step s : List.copyOf(control.breakpoints())) {
            control.setBreakpoint(s, false);
        }
    }

    @FXML
    private void onZoomIn() {
        vm.presentation().zoomIn();
    }

    @FXML
    private void onZoomOut() {
        vm.presentation().zoomOut();
    }

    @FXML
    private void onZoomReset() {
        vm.presentation().resetZoom();
    }

    @FXML
    private void onShowCode() {
        tabs().select(codeTab);
    }

    @FXML
    private void onShowLessons() {
        tabs().select(lessonsTab);
    }

    @FXML
    private void onShowSockaddr() {
        tabs().select(sockaddrTab);
    }

    @FXML
    private void onShowLog() {
        tabs().select(logTab);
    }

    @FXML
    private void onShowClients() {
        tabs().select(clientTab);
    }

    @FXML
    private void onShowProgram() {
        if (panes.getTabs().contains(programTab)) {
            tabs().select(programTab);
        }
    }

    @FXML
    private void onSetUpFault() {
        tabs().select(instructorTab);
        vm.instructor().setUpSelected();
    }

    @FXML
    private void onFollowUp() {
        tabs().select(instructorTab);
        vm.instructor().followUpSelected();
    }

    @FXML
    private void onUndoFault() {
        tabs().select(instructorTab);
        vm.instructor().undoSelected();
    }

    @FXML
    private void onTour() {
        actions.showTour();
    }

    private javafx.scene.control.SingleSelectionModel<Tab> tabs() {
        return panes.getSelectionModel();
    }

    @FXML
    private void onResetToDefaults() {
        actions.resetToDefaults();
    }

    @FXML
    private void onQuit() {
        actions.quit();
    }

    @FXML
    private void onHelp() {
        actions.showHelp();
    }

    @FXML
    private void onAbout() {
        actions.showAbout();
    }

    /** The instructor tab is there only while the View menu says so; the choice is remembered. */
    private void showInstructorPanel(InstructorPanelSwitch shown) {
        instructorMenuItem.selectedProperty().bindBidirectional(shown.shownProperty());
        Runnable apply = () -> {
            boolean on = shown.isShown();
            if (on && !panes.getTabs().contains(instructorTab)) {
                panes.getTabs().add(instructorTab);
            } else if (!on) {
                panes.getTabs().remove(instructorTab);
            }
        };
        shown.shownProperty().addListener((o, a, b) -> apply.run());
        apply.run();
    }

    /** Opens the instructor panel and runs a scenario there, as --scenario asks. */
    void runScenario(org.socketstage.instructor.Scenario scenario) {
        instructorMenuItem.setSelected(true);
        panes.getSelectionModel().select(instructorTab);
        vm.instructor().runScenario(scenario);
    }

    /** A first launch: the Lessons tab at the first lesson (the server may still move it while following). */
    void openFirstLesson() {
        tabs().select(lessonsTab);
        vm.lessons().openFirstLesson();
    }

    InstructorPanelView instructor() {
        return instructor.controller();
    }

    ClientPanelView clients() {
        return clients.controller();
    }

    /** Shows the instructor tab and selects it. */
    void instructorSwitchOn() {
        instructorMenuItem.setSelected(true);
        panes.getSelectionModel().select(instructorTab);
    }

    /** For tests: leaves the remembered choice as a new user would find it. */
    void instructorSwitchOff() {
        instructorMenuItem.setSelected(false);
    }

    LessonPaneView lessons() {
        return lessons.controller();
    }

    /** Shows how far the view is behind the server, when it is. */
    void showLag(long dropped, int pending) {
        UiText texts = vm.texts();
        String text = dropped == 0 && pending < FxEventPump.NOTICEABLE_LAG
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
                LOG.log(System.Logger.Level.WARNING, "pane " + pane.getClass().getSimpleName() + " failed to shut down", e);
            }
        }
    }

    BorderPane root() {
        return root;
    }

    EventLogView log() {
        return log.controller();
    }

    Tab clientTab() {
        return clientTab;
    }

    SchematicView stage() {
        return stageController;
    }

    TabPane panes() {
        return panes;
    }

    LaneView lane() {
        return laneController;
    }
}
