package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Step;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.lane.StageStatus;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a screen reader and a weak eye meet it, at 1280x800 in both themes: every control has a name,
 * and every text reaches WCAG AA contrast (4.5:1) against what is really drawn behind it, computed from the
 * colours the CSS applied to the rendered scene (not from the stylesheet's source).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class ReadableWindowTest {

    private static final double AA = 4.5;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MainWindow window;
    private int port;

    @Start
    void start(Stage stage) throws Exception {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        port = MainWindowTest.freePort();
        MainViewModel vm = new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load());
        window = MainWindow.open(stage, vm, prefs);
        stage.setWidth(1280);
        stage.setHeight(800);
        vm.settings().portProperty().set(Integer.toString(port));
        vm.control().delayMillisProperty().set(ServerControlViewModel.MIN_DELAY_MS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private static <T> T fx(Callable<T> read) {
        return MainWindowTest.fx(read);
    }

    @Test
    void everyControlHasANameAScreenReaderCanSay(FxRobot robot) {
        showInstructorTab(robot);
        // a tab's pane is built when the tab is first shown: show each once, so every control is there to check
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) window.stage().getScene().lookup(".pane-tabs");
            List.copyOf(tabs.getTabs()).forEach(t -> tabs.getSelectionModel().select(t));
            tabs.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> nameless = fx(() -> {
            List<String> found = new ArrayList<>();
            for (Node n : allNodes(window.stage().getScene().getRoot())) {
                if (isNamedControl(n) && !insideAnotherControl(n) && accessibleName(n).isBlank()) {
                    found.add(describe(n));
                }
            }
            return found;
        });
        assertThat(nameless).as("controls without an accessible name").isEmpty();
        assertThat(fx(() -> allNodes(window.stage().getScene().getRoot()).stream().filter(ReadableWindowTest::isNamedControl)
                .count())).as("controls checked").isGreaterThan(40);
    }

    @Test
    void everyTextReachesAaContrastInBothThemesAtEveryStageStatus(FxRobot robot) {
        showInstructorTab(robot);
        List<String> low = new ArrayList<>();
        for (PresentationViewModel.Theme theme : PresentationViewModel.Theme.values()) {
            robot.interact(() -> window.viewModel().presentation().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            low.addAll(lowContrastInEveryTab(robot, theme + " idle"));
        }
        // cards done, next, waiting ("not yet") and in the call: the server held before accept(), a breakpoint set
        robot.clickOn("#breakpoint-ACCEPT");
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> fx(() -> window.viewModel().lane().card(Step.ACCEPT).status()) == StageStatus.NEXT);
        for (PresentationViewModel.Theme theme : PresentationViewModel.Theme.values()) {
            robot.interact(() -> window.viewModel().presentation().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            low.addAll(lowContrast(theme + " held before accept()"));
            robot.interact(() -> PaneSnapshots.save(window.stage().getScene(), "14-contrast-" + theme.name().toLowerCase()));
        }
        assertThat(low).as("texts below %s:1", AA).isEmpty();
    }

    private void showInstructorTab(FxRobot robot) {
        robot.interact(() -> ((javafx.scene.control.MenuBar) window.stage().getScene().lookup("#menu-bar")).getMenus()
                .stream().flatMap(m -> m.getItems().stream()).filter(i -> "instructor-menu-item".equals(i.getId()))
                .map(javafx.scene.control.CheckMenuItem.class::cast).findFirst().orElseThrow().setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every tab of the pane area in turn: only what is shown is read. */
    private List<String> lowContrastInEveryTab(FxRobot robot, String when) {
        List<String> found = new ArrayList<>();
        javafx.scene.control.TabPane tabs = fx(() -> (javafx.scene.control.TabPane) window.stage().getScene().lookup(".pane-tabs"));
        int count = fx(() -> tabs.getTabs().size());
        for (int i = 0; i < count; i++) {
            int index = i;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            found.addAll(lowContrast(when + ", tab " + fx(() -> tabs.getTabs().get(index).getText())));
        }
        return found;
    }

    private List<String> lowContrast(String when) {
        return fx(() -> {
            List<String> found = new ArrayList<>();
            for (Node n : allNodes(window.stage().getScene().getRoot())) {
                Color fg = textColour(n);
                if (fg == null || !shown(n)) {
                    continue;
                }
                Node box = boxBehind(n);
                Color bg = backgroundOf(box, n.getScene());
                // text (and its box) drawn see-through mixes with what lies behind: judge the colours the eye gets
                Color text = mix(blend(fg, bg), bg, opacityBetween(n, box));
                double boxOpacity = opacityBetween(box, null);
                if (boxOpacity < 1 && box != null) {
                    Color behind = backgroundOf(boxBehind(box.getParent()), n.getScene());
                    text = mix(text, behind, boxOpacity);
                    bg = mix(bg, behind, boxOpacity);
                }
                double ratio = contrast(text, bg);
                if (ratio < AA) {
                    found.add(String.format("%s: %s %s on %s = %.2f", when, describe(n), hex(fg), hex(bg), ratio));
                }
            }
            return found;
        });
    }

    // ---- what is checked

    /** Controls a person operates, which a screen reader must be able to name. */
    static boolean isNamedControl(Node n) {
        return n instanceof ButtonBase || n instanceof TextInputControl || n instanceof ComboBoxBase<?>
                || n instanceof ChoiceBox<?> || n instanceof Slider || n instanceof Spinner<?>
                || n instanceof ListView<?> || n instanceof TableView<?>;
    }

    /** Parts a control's skin makes (a combo box's editor, a spinner's field) are named by their control. */
    private static boolean insideAnotherControl(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ComboBoxBase<?> || p instanceof Spinner<?> || p instanceof ListView<?>
                    || p instanceof TableView<?> || p instanceof ScrollBar) {
                return true;
            }
        }
        return false;
    }

    /** accessibleText, else its own text, else its tooltip, else the text of a label that is labelFor it. */
    private String accessibleName(Node n) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return n.getAccessibleText();
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return l.getText();
        }
        if (n instanceof Control c && c.getTooltip() != null && c.getTooltip().getText() != null
                && !c.getTooltip().getText().isBlank()) {
            return c.getTooltip().getText();
        }
        for (Node other : allNodes(window.stage().getScene().getRoot())) {
            if (other instanceof Label l && l.getLabelFor() == n && l.getText() != null && !l.getText().isBlank()) {
                return l.getText();
            }
        }
        return "";
    }

    /** The colour of a text the eye reads: a labeled control's text, or a Text of its own (a lesson's flow). */
    private static Color textColour(Node n) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && !l.isDisabled()) {
            return opaque(l.getTextFill());
        }
        if (n instanceof Text t && !(t.getParent() instanceof Labeled) && !t.getStyleClass().contains("text")
                && t.getText() != null && !t.getText().isBlank() && !insideLabeled(t)) {
            return opaque(t.getFill());
        }
        return null;
    }

    private static boolean insideLabeled(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled || p instanceof TextInputControl) {
                return true;
            }
        }
        return false;
    }

    /** Visible all the way up and inside the window (a scrolled-away or zero-sized text is not read). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || p.getOpacity() == 0) {
                return false;
            }
        }
        var b = n.localToScene(n.getBoundsInLocal());
        return b.getWidth() > 1 && b.getHeight() > 1 && b.getMaxX() > 0 && b.getMaxY() > 0
                && b.getMinX() < n.getScene().getWidth() && b.getMinY() < n.getScene().getHeight();
    }

    /** The node at or above this one that draws the first opaque background, or null (the scene's fill). */
    private static Node boxBehind(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Region r && topFill(r.getBackground()) != null) {
                return p;
            }
        }
        return null;
    }

    private static Color backgroundOf(Node box, javafx.scene.Scene scene) {
        if (box instanceof Region r) {
            return topFill(r.getBackground());
        }
        Color c = opaque(scene.getFill());
        return c == null ? Color.WHITE : c;
    }

    /** The product of the opacities from {@code from} up to, not including, {@code to} (null: the root). */
    private static double opacityBetween(Node from, Node to) {
        double a = 1;
        for (Node p = from; p != null && p != to; p = p.getParent()) {
            // the sign of the card in the call pulses (motion beside its words), its colour is judged at rest
            a *= p.getStyleClass().contains("stage-icon") ? 1 : p.getOpacity();
        }
        return a;
    }

    /** {@code top} at opacity {@code a} over {@code under}. */
    private static Color mix(Color top, Color under, double a) {
        return new Color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    /** The fill drawn last (the one under the text), if it is opaque enough to decide the contrast. */
    private static Color topFill(Background bg) {
        if (bg == null || bg.getFills().isEmpty()) {
            return null;
        }
        List<BackgroundFill> fills = bg.getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
            Color c = opaque(fills.get(i).getFill());
            if (c != null && c.getOpacity() >= 0.9) {
                return c;
            }
            if (c != null && c.getOpacity() > 0.05) {
                // a see-through tint over whatever is below: not decidable here, look further up
                return null;
            }
        }
        return null;
    }

    /** A paint as one colour: a gradient by the mean of its stops. */
    private static Color opaque(Paint p) {
        if (p instanceof Color c) {
            return c;
        }
        List<Stop> stops = p instanceof LinearGradient g ? g.getStops() : p instanceof RadialGradient g ? g.getStops() : null;
        if (stops == null || stops.isEmpty()) {
            return null;
        }
        double r = 0, g = 0, b = 0, a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int n = stops.size();
        return new Color(r / n, g / n, b / n, a / n);
    }

    /** WCAG 2 contrast ratio of two colours (text alpha blended over the background). */
    static double contrast(Color fg, Color bg) {
        Color text = blend(fg, bg);
        double l1 = luminance(text);
        double l2 = luminance(bg);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    private static Color blend(Color fg, Color bg) {
        double a = fg.getOpacity();
        return new Color(fg.getRed() * a + bg.getRed() * (1 - a), fg.getGreen() * a + bg.getGreen() * (1 - a),
                fg.getBlue() * a + bg.getBlue() * (1 - a), 1);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    static String describe(Node n) {
        String what = n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "")
                + (n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass()));
        String text = n instanceof Labeled l ? l.getText() : n instanceof Text t ? t.getText() : null;
        return text == null ? what : what + " '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    static List<Node> allNodes(Parent root) {
        List<Node> out = new ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            out.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }
}
