package org.socketstage.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.socketstage.ui.text.UiText;

/**
 * A short tour of the window for a first launch: a card beside each of five places (Step, the lane, the accept
 * queue, the Clients tab, the Instructor menu) that outlines the place while it talks about it. Skip, Esc or Done
 * end it; Help → Guided tour opens it again. It only points: the window stays usable while it shows.
 */
final class GuidedTour {

    /** One place the tour points at: how to find it in the scene, and its bundle keys (KEY.title, KEY.text). */
    record Stop(String key, Function<Parent, Node> target) {}

    static final String TARGET_CLASS = "tour-target";

    private final Parent root;
    private final UiText texts;
    private final List<Stop> stops;
    private final Popup popup = new Popup();
    private final VBox card = new VBox();
    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button back = new Button();
    private final Button next = new Button();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private Node outlined;

    GuidedTour(Parent root, UiText texts, List<String> stylesheets, List<Stop> stops) {
        this.root = root;
        this.texts = texts;
        this.stops = List.copyOf(stops);
        card.setId("tour-card");
        card.getStyleClass().addAll("root", "tour-card");
        card.getStylesheets().setAll(stylesheets);
        counter.getStyleClass().add("tour-counter");
        title.getStyleClass().add("tour-title");
        title.setId("tour-title");
        text.getStyleClass().add("tour-text");
        text.setId("tour-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button skip = new Button(texts.get("tour.skip"));
        skip.setId("tour-skip");
        skip.setOnAction(e -> close());
        back.setId("tour-back");
        back.setText(texts.get("tour.back"));
        back.setOnAction(e -> show(index.get() - 1));
        next.setId("tour-next");
        next.setOnAction(e -> {
            if (index.get() + 1 < this.stops.size()) {
                show(index.get() + 1);
            } else {
                close();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // the keys stay the window's (Space steps, Esc closes the tour): the card's buttons take no focus
        for (Button b : List.of(skip, back, next)) {
            b.setFocusTraversable(false);
        }
        HBox buttons = new HBox(skip, gap, back, next);
        buttons.getStyleClass().add("tour-buttons");
        card.getChildren().addAll(counter, title, text, buttons);
        popup.getContent().add(card);
        popup.setAutoHide(false);
        popup.setHideOnEscape(true);
        popup.setOnHidden(e -> unmark());
    }

    /** The five places of the main window, found by the ids the views give them. */
    static List<Stop> mainWindowStops() {
        return List.of(
                new Stop("tour.step", r -> r.lookup("#step-button")),
                new Stop("tour.lane", r -> r.lookup(".lane")),
                new Stop("tour.queue", r -> r.lookup("#queue-box")),
                new Stop("tour.clients", r -> r.lookup("#client-tab")),
                new Stop("tour.instructor", r -> menuButton(r, "instructor-menu")));
    }

    /** The menu bar's button of a menu (a Menu is no node; its button carries its text). */
    static Node menuButton(Parent root, String menuId) {
        Node byId = root.lookup("#" + menuId);
        if (byId != null) {
            return byId;
        }
        if (!(root.lookup(".menu-bar") instanceof javafx.scene.control.MenuBar bar)) {
            return null;
        }
        String text = bar.getMenus().stream().filter(m -> menuId.equals(m.getId()))
                .map(javafx.scene.control.Menu::getText).findFirst().orElse(null);
        return root.lookupAll(".menu-bar .menu").stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && java.util.Objects.equals(l.getText(), text))
                .findFirst().orElse(bar);
    }

    void start() {
        show(0);
    }

    void useStylesheets(List<String> stylesheets) {
        card.getStylesheets().setAll(stylesheets);
    }

    void useRootStyle(String rootStyle) {
        card.setStyle(rootStyle);
    }

    void close() {
        popup.hide();
        unmark();
        index.set(-1);
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** The stop shown (0 for the first), or -1 when the tour is closed. */
    ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    Node target() {
        return outlined;
    }

    Node card() {
        return card;
    }

    private void show(int i) {
        if (i < 0 || i >= stops.size() || root.getScene() == null || root.getScene().getWindow() == null) {
            return;
        }
        Stop stop = stops.get(i);
        index.set(i);
        counter.setText(texts.format("tour.counter", i + 1, stops.size()));
        title.setText(texts.get(stop.key() + ".title"));
        text.setText(texts.get(stop.key() + ".text"));
        back.setDisable(i == 0);
        next.setText(texts.get(i + 1 < stops.size() ? "tour.next" : "tour.done"));
        unmark();
        Node target = stop.target().apply(root);
        if (target != null) {
            target.getStyleClass().add(TARGET_CLASS);
            outlined = target;
        }
        Window window = root.getScene().getWindow();
        if (!popup.isShowing()) {
            popup.show(window);
        }
        place(window, target);
    }

    /** Below the place when there is room, else above it; always inside the window. */
    private void place(Window window, Node target) {
        card.applyCss();
        card.autosize();
        double w = card.getWidth();
        double h = card.getHeight();
        double x = window.getX() + 40;
        double y = window.getY() + 80;
        Bounds b = target == null ? null : target.localToScreen(target.getBoundsInLocal());
        if (b != null) {
            x = b.getMinX();
            y = b.getMaxY() + 6;
            if (y + h > window.getY() + window.getHeight()) {
                y = Math.max(window.getY(), b.getMinY() - h - 6);
            }
        }
        x = Math.max(window.getX(), Math.min(x, window.getX() + window.getWidth() - w));
        popup.setX(x);
        popup.setY(y);
    }

    private void unmark() {
        if (outlined != null) {
            outlined.getStyleClass().remove(TARGET_CLASS);
            outlined = null;
        }
    }
}
