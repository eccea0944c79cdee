package org.socketstage.ui.lessons;

import org.socketstage.ui.text.UiText;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonSection;
import org.socketstage.lessons.QuizQuestion;

/**
 * Lays out one whole lesson for reading: title, introduction, then every section with its text, try-it
 * tasks and quiz questions. The section the server is at gets a visible marker ("▶ The server is about to
 * run bind()") and, while the pane follows the server, is scrolled into view.
 *
 * <p>The reader keeps its place: it remembers the paragraph (or code block, card, ...) at the top of the view
 * and how far into it the view starts, and when the page's height changes (the app zooms, a marker or an
 * answer appears above) it scrolls so that the same point is at the top again.
 */
final class LessonReader {

    static final PseudoClass SERVER_HERE = PseudoClass.getPseudoClass("server-here");
    static final String SECTION = "lesson-section";

    private final ScrollPane scroll;
    private final MarkdownRenderer markdown;
    private final UiText texts;
    private final Map<LessonSection, VBox> sections = new IdentityHashMap<>();
    private final Map<LessonSection, Label> markers = new IdentityHashMap<>();
    private VBox page;
    private LessonSection marked;
    /** The node at the top of the view and the part of its height above the view's top. */
    private Node place;
    private double placeFraction;
    private boolean moving;
    private boolean keepPlace;
    private final Runnable afterLayout = this::restorePlace;

    LessonReader(ScrollPane scroll, MarkdownRenderer markdown, UiText texts) {
        this.scroll = scroll;
        this.markdown = markdown;
        this.texts = texts;
        scroll.vvalueProperty().addListener(o -> rememberPlace());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getHeight() != b.getHeight() || a.getWidth() != b.getWidth()) {
                keepPlaceAfterLayout();
            }
        });
        scroll.sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        if (scroll.getScene() != null) {
            scroll.getScene().addPostLayoutPulseListener(afterLayout);
        }
    }

    /** Builds the page for a lesson (or an empty note when there is none) and shows it from the top. */
    void show(Lesson lesson, LessonPaneViewModel vm, Consumer<QuizQuestion> afterAnswer) {
        sections.clear();
        markers.clear();
        marked = null;
        page = new VBox();
        page.getStyleClass().add("lesson-page");
        if (lesson == null) {
            Label none = new Label(texts.get("lessons.none"));
            none.setWrapText(true);
            page.getChildren().add(none);
        } else {
            Label title = new Label(lesson.title());
            title.getStyleClass().add("lesson-title");
            title.setWrapText(true);
            Label meta = new Label(texts.format("lessons.meta", lesson.order(),
                    texts.get("lessons.level." + lesson.level().name().toLowerCase(java.util.Locale.ROOT))));
            meta.getStyleClass().add("lesson-meta");
            page.getChildren().addAll(title, meta, markdown.render(lesson.intro()));
            for (LessonSection s : lesson.sections()) {
                page.getChildren().add(section(lesson, s, vm, afterAnswer));
            }
        }
        page.heightProperty().addListener(o -> keepPlaceAfterLayout());
        place = null;
        scroll.setContent(page);
        scroll.setVvalue(0);
    }

    private VBox section(Lesson lesson, LessonSection s, LessonPaneViewModel vm, Consumer<QuizQuestion> afterAnswer) {
        VBox box = new VBox();
        box.getStyleClass().add(SECTION);
        box.setUserData(s);
        Label marker = new Label();
        marker.getStyleClass().add("server-marker");
        marker.setWrapText(true);
        marker.setVisible(false);
        marker.setManaged(false);
        box.getChildren().addAll(marker, markdown.renderInline(s.title(), "md-heading", "md-h2", "section-title"));
        s.stageTag().ifPresent(stage -> {
            Label tag = new Label(texts.format("lessons.section.stage", stage.label()));
            tag.getStyleClass().add("section-stage");
            box.getChildren().add(tag);
        });
        box.getChildren().add(markdown.render(s.body()));
        s.tasks().forEach(t -> box.getChildren().add(new TaskCard(t, vm.tasks(), markdown, texts)));
        for (QuizQuestion q : s.questions()) {
            String taskTitle = q.revealTaskId().flatMap(id -> lesson.tasks().stream()
                    .filter(t -> t.id().equals(id)).findFirst()).map(t -> t.title()).orElse("");
            box.getChildren().add(new QuizCard(q, new QuizCard.Context(vm.quiz(), vm.tasks(), taskTitle, markdown,
                    texts, vm::answer, afterAnswer)));
        }
        sections.put(s, box);
        markers.put(s, marker);
        return box;
    }

    /**
     * Moves the "server is here" marker to this section (null: no section of this lesson). A pseudo-class, not
     * a style class: the section's own look changes, and its many text nodes need not be styled afresh.
     */
    void mark(LessonSection section) {
        if (marked != null && sections.containsKey(marked)) {
            sections.get(marked).pseudoClassStateChanged(SERVER_HERE, false);
            setShown(markers.get(marked), false);
        }
        marked = section != null && sections.containsKey(section) ? section : null;
        if (marked != null) {
            sections.get(marked).pseudoClassStateChanged(SERVER_HERE, true);
            Label m = markers.get(marked);
            m.setText(texts.format("lessons.server.here", marked.stage().label()));
            setShown(m, true);
        }
    }

    LessonSection marked() {
        return marked;
    }

    VBox nodeFor(LessonSection section) {
        return sections.get(section);
    }

    /** Scrolls so the section's top is at the top of the view (or as far as the page allows). */
    void scrollTo(LessonSection section) {
        VBox target = sections.get(section);
        if (target != null) {
            reveal(target);
        }
    }

    /**
     * Scrolls so a node of the page (a section, a task, a question) starts at the top of the view. The node becomes
     * the place to keep: when a layout still to come changes the page's height (a marker shown in one section and
     * hidden in another, its text wrapping to another number of lines), the view is put back on this node, not on
     * what was at the top before it moved.
     */
    void reveal(Node node) {
        if (page == null) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        place = node;
        placeFraction = 0;
        double room = page.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (room <= 0) {
            return;
        }
        moving = true;
        try {
            scrollToY(page.sceneToLocal(node.localToScene(0, 0)).getY(), room);
        } finally {
            moving = false;
        }
    }

    private void scrollToY(double y, double room) {
        scroll.setVvalue(scroll.getVmin() + Math.min(1, Math.max(0, y / room)) * (scroll.getVmax() - scroll.getVmin()));
    }

    /** How far down the page the view starts, in the page's pixels. */
    private double viewTop() {
        double room = page.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        double range = scroll.getVmax() - scroll.getVmin();
        return room <= 0 || range <= 0 ? 0 : (scroll.getVvalue() - scroll.getVmin()) / range * room;
    }

    /** Notes the smallest block at the top of the view: a paragraph, a code block, a card, a heading. */
    private void rememberPlace() {
        if (page == null || moving || keepPlace) {
            return;
        }
        double y = viewTop();
        Node at = page;
        while (at == page || at.getStyleClass().contains(SECTION) || at.getStyleClass().contains("markdown")) {
            Node hit = null;
            for (Node child : ((Pane) at).getChildren()) {
                if (child.isManaged() && child.isVisible() && y < child.getBoundsInParent().getMaxY()) {
                    hit = child;
                    break;
                }
            }
            if (hit == null || y < hit.getBoundsInParent().getMinY()) {
                break; // in the padding or the gap above the child: the container itself is the place
            }
            y -= hit.getBoundsInParent().getMinY();
            at = hit;
        }
        double height = at.getBoundsInParent().getHeight();
        place = at == page ? null : at;
        placeFraction = height > 0 ? Math.min(1, Math.max(0, y / height)) : 0;
    }

    private void keepPlaceAfterLayout() {
        if (place != null && !keepPlace) {
            keepPlace = true;
            Platform.requestNextPulse();
        }
    }

    /** After the pulse's layout, when every node has its new size: the remembered point goes back to the top. */
    private void restorePlace() {
        if (!keepPlace) {
            return;
        }
        keepPlace = false;
        if (place == null || page == null || place.getScene() == null) {
            return;
        }
        double room = page.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (room <= 0) {
            return;
        }
        double top = page.sceneToLocal(place.localToScene(0, 0)).getY();
        moving = true;
        try {
            scrollToY(top + placeFraction * place.getBoundsInParent().getHeight(), room);
            scroll.layout();
        } finally {
            moving = false;
        }
    }

    private static void setShown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
