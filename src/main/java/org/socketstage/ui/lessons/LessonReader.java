package org.socketstage.ui.lessons;

import org.socketstage.ui.text.UiText;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonSection;
import org.socketstage.lessons.QuizQuestion;

/**
 * Lays out one whole lesson for reading: title, introduction, then every section with its text, try-it
 * tasks and quiz questions. The section the server is at gets a visible marker ("▶ The server is about to
 * run bind()") and, while the pane follows the server, is scrolled into view.
 */
final class LessonReader {

    private final ScrollPane scroll;
    private final MarkdownRenderer markdown;
    private final UiText texts;
    private final Map<LessonSection, VBox> sections = new IdentityHashMap<>();
    private final Map<LessonSection, Label> markers = new IdentityHashMap<>();
    private VBox page;
    private LessonSection marked;

    LessonReader(ScrollPane scroll, MarkdownRenderer markdown, UiText texts) {
        this.scroll = scroll;
        this.markdown = markdown;
        this.texts = texts;
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
        scroll.setContent(page);
        scroll.setVvalue(0);
    }

    private VBox section(Lesson lesson, LessonSection s, LessonPaneViewModel vm, Consumer<QuizQuestion> afterAnswer) {
        VBox box = new VBox();
        box.getStyleClass().add("lesson-section");
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

    /** Moves the "server is here" marker to this section (null: no section of this lesson). */
    void mark(LessonSection section) {
        if (marked != null && sections.containsKey(marked)) {
            sections.get(marked).getStyleClass().remove("server-here");
            setShown(markers.get(marked), false);
        }
        marked = section != null && sections.containsKey(section) ? section : null;
        if (marked != null) {
            sections.get(marked).getStyleClass().add("server-here");
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

    /** Scrolls so a node of the page (a section, a task, a question) starts at the top of the view. */
    void reveal(Node node) {
        if (page == null) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        double room = page.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (room <= 0) {
            return;
        }
        double y = page.sceneToLocal(node.localToScene(0, 0)).getY();
        scroll.setVvalue(scroll.getVmin() + Math.min(1, Math.max(0, y / room)) * (scroll.getVmax() - scroll.getVmin()));
    }

    private static void setShown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
