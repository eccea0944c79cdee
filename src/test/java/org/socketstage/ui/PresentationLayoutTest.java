package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socketstage.ui.MainWindowTest.fx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.LaunchOptions;
import org.socketstage.event.Step;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The projector layout and the window's steadiness: View → Presentation (F5, --present) lets the lane and the
 * stage fill the window in text a room can read; zoom keeps the lane on one row; zoom, theme and help never
 * hide in the toolbar's overflow; the panes below the lane never move while its cards change.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class PresentationLayoutTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private MainWindow window;
    private int port;

    @Start
    void start(Stage stage) throws IOException {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        port = MainWindowTest.freePort();
        MainViewModel vm = new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load());
        window = MainWindow.open(stage, vm, prefs);
        vm.settings().portProperty().set(Integer.toString(port));
        vm.control().delayMillisProperty().set(ServerControlViewModel.MIN_DELAY_MS);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.mainView().instructorSwitchOff();
            window.close();
        });
        AppPrefs.open().clear();
    }

    private MainViewModel vm() {
        return window.viewModel();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void presentationLetsTheLaneAndTheStageFillTheWindowInTextReadableFromTheBackOfTheRoom(FxRobot robot) {
        // the headless screen is 1280x800: a larger window cannot be drawn there, so the 1080 px case is the rule
        // below (root font at 1080 px) times the ratio every label keeps to the root font, checked at 800 px
        assertThat(presentedFontAt(1080)).isGreaterThanOrEqualTo(24);
        double titleBefore = fx(() -> robot.lookup("#lane-title").queryAs(Labeled.class).getFont().getSize());
        robot.clickOn("#lane-title");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().presentation().presentingProperty().get())).isTrue();
        assertThat(fx(() -> window.mainView().root().getStyleClass())).contains("presenting");
        // the settings and sockets columns step aside; the stage is the pane shown
        assertThat(fx(() -> robot.lookup(".settings-scroll").tryQuery().map(n -> n.getScene() != null).orElse(false)))
                .isFalse();
        assertThat(fx(() -> robot.lookup(".sockets-scroll").tryQuery().map(n -> n.getScene() != null).orElse(false)))
                .isFalse();
        TabPane panes = fx(() -> window.mainView().panes());
        assertThat(fx(() -> panes.getSelectionModel().getSelectedItem().getId())).isEqualTo("stage-tab");
        double sceneW = fx(() -> window.stage().getScene().getWidth());
        double sceneH = fx(() -> window.stage().getScene().getHeight());
        assertThat(sceneW).isEqualTo(1280);
        double root = fx(() -> vm().presentation().fontPx(sceneH));
        assertThat(root).isEqualTo(sceneH / PresentationViewModel.PRESENT_HEIGHT_PER_EM);
        Node stage = fx(() -> robot.lookup("#schematic").query());
        Node lane = fx(() -> robot.lookup(".lane").query());
        assertThat(fx(() -> inScene(stage).getWidth())).isGreaterThan(0.95 * sceneW);
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene().getRoot(), "presentation-1280x800"));
        assertThat(fx(() -> inScene(stage).getHeight())).isGreaterThan(0.4 * sceneH);
        // body text of at least 24 px at 1080 px: no label smaller than the root font
        List<Labeled> texts = fx(() -> {
            List<Labeled> all = new ArrayList<>(ShownText.readable(lane));
            all.addAll(ShownText.readable(stage));
            return all;
        });
        assertThat(texts).hasSizeGreaterThan(20);
        for (Labeled l : texts) {
            assertThat(fx(() -> l.getFont().getSize())).as("font of '%s'", fx(l::getText))
                    .isGreaterThanOrEqualTo(root - 0.05);
        }

        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().presentation().presentingProperty().get())).isFalse();
        assertThat(fx(() -> robot.lookup(".settings-scroll").query().getScene() != null)).isTrue();
        assertThat(fx(() -> robot.lookup("#lane-title").queryAs(Labeled.class).getFont().getSize()))
                .isEqualTo(titleBefore);
    }

    private double presentedFontAt(double height) {
        return fx(() -> {
            PresentationViewModel p = new PresentationViewModel();
            p.presentingProperty().set(true);
            return p.fontPx(height);
        });
    }

    @Test
    void presentOnTheCommandLineOpensThePresentationLayout(FxRobot robot) {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--present"},
                new PrintStream(OutputStream.nullOutputStream())).orElseThrow();
        assertThat(options.present()).isTrue();
        assertThat(LaunchOptions.none().present()).isFalse();
        robot.interact(() -> SocketStageApp.showAsAsked(window, options));
        assertThat(fx(() -> vm().presentation().presentingProperty().get())).isTrue();
        assertThat(fx(() -> window.mainView().root().getStyleClass())).contains("presenting");
    }

    @Test
    void atTwiceTheZoomTheLaneStaysOneRowAndZoomThemeAndHelpStayOnTheToolbar(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setWidth(900);
            vm().presentation().setZoom(2.0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> cards = fx(() -> robot.lookup(".stage-card").queryAll().stream().map(n -> inScene(n)).toList());
        assertThat(cards).hasSize(Step.values().length);
        // one row: every card spans a common band (the loops' frames nest some cards a little lower)
        double lowestTop = cards.stream().mapToDouble(Bounds::getMinY).max().orElseThrow();
        double highestBottom = cards.stream().mapToDouble(Bounds::getMaxY).min().orElseThrow();
        assertThat(lowestTop).as("every card on one row").isLessThan(highestBottom);
        double sceneW = fx(() -> window.stage().getScene().getWidth());
        for (String id : List.of("#help-button", "#dark-toggle", "#zoom-in-button", "#zoom-out-button")) {
            Node n = fx(() -> robot.lookup(id).query());
            assertThat(fx(n::isVisible)).as(id).isTrue();
            assertThat(fx(() -> n.getScene() != null)).as(id).isTrue();
            Bounds b = fx(() -> inScene(n));
            assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(sceneW);
            assertThat(b.getWidth()).as(id + " not shrunk").isGreaterThan(10);
        }
        // the current card is scrolled into view when the row is wider than the window
        robot.interact(() -> vm().control().live());
        await().atMost(WAIT).until(() -> fx(() -> vm().lane().currentStageProperty().get()) == Step.ACCEPT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene().getRoot(), "zoom-200-narrow"));
        Bounds accept = fx(() -> inScene(robot.lookup("#stage-ACCEPT").query()));
        assertThat(accept.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(accept.getMaxX()).isLessThanOrEqualTo(sceneW);
    }

    @Test
    void thePanesBelowTheLaneNeverMoveWhileItsCardsAndItsFailureChange(FxRobot robot) throws IOException {
        Node split = fx(() -> robot.lookup(".main-split").query());
        double top = fx(() -> inScene(split).getMinY());
        robot.interact(() -> vm().session().chooseMode(PacingMode.STEP));
        robot.clickOn("#start-button");
        for (int i = 0; i < 12 && fx(() -> vm().lane().currentStageProperty().get()) != Step.ACCEPT; i++) {
            robot.clickOn("#step-button");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> inScene(split).getMinY())).as("after step %d", i).isEqualTo(top);
        }
        assertThat(fx(() -> vm().lane().currentStageProperty().get())).isEqualTo(Step.ACCEPT);
        robot.clickOn("#stop-button");
        await().atMost(WAIT).until(() -> !fx(() -> vm().session().serverActive()));
        // the port taken by another socket: bind() fails and the failure banner appears, in the same space
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            robot.interact(() -> vm().session().chooseMode(PacingMode.LIVE));
            robot.clickOn("#start-button");
            await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#failure-banner").query().isVisible()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> inScene(split).getMinY())).isEqualTo(top);
            assertThat(fx(() -> ((Region) robot.lookup("#failure-banner").query()).getHeight())).isGreaterThan(10);
        }
    }

    @Test
    void inPresentationAPeersAddressOnTheAcceptCardIsReadWholeAndNothingBelowMoves(FxRobot robot) throws IOException {
        robot.interact(() -> vm().presentation().presentingProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        Node split = fx(() -> robot.lookup(".main-split").query());
        double top = fx(() -> inScene(split).getMinY());
        robot.interact(() -> vm().session().chooseMode(PacingMode.LIVE));
        robot.clickOn("#start-button");
        await().atMost(WAIT).until(() -> fx(() -> vm().stage().frame().queue().open()));
        try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            String whole = "\n127.0.0.1 port " + client.getLocalPort();
            Labeled result = fx(() -> robot.lookup("#stage-result-ACCEPT").queryAs(Labeled.class));
            await().atMost(WAIT).until(() -> fx(result::getText).endsWith(whole));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> PaneSnapshots.save(window.stage().getScene().getRoot(), "presentation-accept-result"));
            // the text drawn is the whole result (wrapped, not shortened to "…"), inside its card
            javafx.scene.text.Text drawn = fx(() -> (javafx.scene.text.Text) result.lookup(".text"));
            assertThat(fx(drawn::getText)).as("drawn result").isEqualTo(fx(result::getText));
            Bounds card = fx(() -> inScene(robot.lookup("#stage-ACCEPT").query()));
            Bounds text = fx(() -> inScene(drawn));
            assertThat(card.contains(text)).as("%s inside %s", text, card).isTrue();
            assertThat(fx(() -> result.getFont().getSize())).isGreaterThanOrEqualTo(fx(() -> vm().presentation()
                    .fontPx(window.stage().getScene().getHeight())) - 0.05);
            assertThat(fx(() -> inScene(split).getMinY())).isEqualTo(top);
        }
    }

    @Test
    void at1280x800AndNormalSizeNoLabelIsCutAndTheInstructorCardKeepsItsWidth(FxRobot robot) {
        robot.interact(() -> window.stage().getScene().getRoot().applyCss());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.stage().getScene().getWidth())).isEqualTo(1280);
        for (String part : List.of(".settings", ".sockets", ".lane", ".main-toolbar-row")) {
            Node n = fx(() -> robot.lookup(part).query());
            assertThat(fx(() -> ShownText.cut(n))).as(part).isEmpty();
        }
        robot.interact(() -> {
            vm().presentation().presentingProperty().set(false);
            window.mainView().instructorSwitchOn();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the instructor's wide panel must not squeeze the columns either
        for (String part : List.of(".settings", ".sockets")) {
            Node n = fx(() -> robot.lookup(part).query());
            assertThat(fx(() -> ShownText.cut(n))).as(part + " beside the instructor panel").isEmpty();
        }
        Node card = fx(() -> robot.lookup("#instructor-card").query());
        Node tab = fx(() -> window.mainView().panes());
        assertThat(fx(() -> inScene(card).getWidth())).as("the card, not the fault list, has most of the tab's width")
                .isGreaterThan(0.6 * fx(() -> inScene(tab).getWidth()));
        assertThat(fx(() -> ShownText.cut(card))).isEmpty();
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene().getRoot(), "instructor-1280x800"));
    }

    @Test
    void reduceMotionIsRememberedAndTheStageThenDrawsEndStatesOnly(FxRobot robot) {
        robot.clickOn("#schematic-reduce-motion");
        assertThat(fx(() -> vm().presentation().reduceMotionProperty().get())).isTrue();
        assertThat(fx(() -> vm().stage().reduceMotionProperty().get())).isTrue();
        AppPrefs prefs = AppPrefs.open();
        robot.interact(() -> prefs.saveFrom(vm().session(), vm().presentation()));
        PresentationViewModel next = new PresentationViewModel();
        prefs.loadPresentation(next);
        assertThat(next.reduceMotionProperty().get()).isTrue();
        // a server run drawn with reduce motion: every picture is an end state
        robot.interact(() -> vm().session().chooseMode(PacingMode.LIVE));
        robot.clickOn("#start-button");
        await().atMost(WAIT).until(() -> fx(() -> vm().stage().frame().queue().open()));
        try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            await().atMost(WAIT).until(() -> fx(() -> vm().stage().frame().rows().size()) == 1);
            await().atMost(WAIT).until(() -> !fx(() -> vm().stage().frame().envelopes()).isEmpty());
            assertThat(fx(() -> vm().stage().frame().motionNanos())).isZero();
            assertThat(fx(() -> vm().stage().frame().envelopes())).allMatch(e -> e.duration() == 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSelectedClientsSequenceDiagramIsAtLeast200PxTallAt1280x800(FxRobot robot) {
        robot.interact(() -> window.mainView().panes().getSelectionModel().select(window.mainView().clientTab()));
        robot.interact(() -> vm().clients().addClient());
        await().atMost(WAIT).until(() -> fx(() -> vm().clients().cards().size()) == 1);
        robot.interact(() -> vm().clients().selectedProperty().set(vm().clients().cards().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Node diagram = fx(() -> robot.lookup("#client-diagram-scroll").query());
        assertThat(fx(diagram::isVisible)).isTrue();
        assertThat(fx(() -> inScene(diagram).getHeight())).isGreaterThanOrEqualTo(200);
        assertThat(fx(() -> inScene(diagram).getMaxY())).isLessThanOrEqualTo(fx(() -> window.stage().getScene().getHeight()));
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene().getRoot(), "clients-diagram-1280x800"));
        robot.interact(() -> vm().clients().removeAll());
    }
}
