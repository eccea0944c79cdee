package org.socketstage.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonLoader;
import org.socketstage.lessons.LessonSection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkdownRendererTest {

    private final List<String> asked = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private boolean userSaysYes;
    private final LinkOpener links = new LinkOpener(url -> {
        asked.add(url);
        return userSaysYes;
    });
    private final MarkdownRenderer renderer = new MarkdownRenderer(links);

    @Start
    void start(Stage stage) {
        links.setBrowser(opened::add);
    }

    private <T> T onFx(FxRobot r, Supplier<T> work) {
        AtomicReference<T> out = new AtomicReference<>();
        r.interact(() -> out.set(work.get()));
        return out.get();
    }

    private VBox render(FxRobot r, String md) {
        return onFx(r, () -> renderer.render(md));
    }

    private static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        out.add(root);
        if (root instanceof ScrollPane s && s.getContent() != null) {
            out.addAll(all(s.getContent()));
        }
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(all(c));
            }
        }
        return out;
    }

    private static <T extends Node> List<T> all(Node root, Class<T> type) {
        return all(root).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String text(TextFlow flow) {
        StringBuilder sb = new StringBuilder();
        for (Node n : flow.getChildren()) {
            if (n instanceof Text t) {
                sb.append(t.getText());
            } else if (n instanceof Hyperlink h) {
                sb.append(h.getText());
            }
        }
        return sb.toString();
    }

    @Test
    void headingsAndParagraphsBecomeTextFlows(FxRobot r) {
        VBox box = render(r, "## bind(): a number\n\nFirst line\nsame paragraph.\n\nSecond.");
        assertThat(box.getStyleClass()).contains("markdown");
        assertThat(box.getChildren()).hasSize(3).allMatch(TextFlow.class::isInstance);
        TextFlow heading = (TextFlow) box.getChildren().get(0);
        assertThat(heading.getStyleClass()).contains("md-heading", "md-h2");
        assertThat(text(heading)).isEqualTo("bind(): a number");
        assertThat(text((TextFlow) box.getChildren().get(1))).isEqualTo("First line same paragraph.");
        assertThat(box.getChildren().get(2).getStyleClass()).contains("md-paragraph");
    }

    @Test
    void emphasisAndInlineCodeAreStyledTextNodes(FxRobot r) {
        VBox box = render(r, "Call **bind** with *care*: `bind(fd, &addr, 16)`.");
        List<Text> texts = all(box, Text.class);
        assertThat(texts).filteredOn(t -> t.getStyleClass().contains("md-strong")).extracting(Text::getText)
                .containsExactly("bind");
        assertThat(texts).filteredOn(t -> t.getStyleClass().contains("md-em")).extracting(Text::getText)
                .containsExactly("care");
        assertThat(texts).filteredOn(t -> t.getStyleClass().contains("md-code")).extracting(Text::getText)
                .containsExactly("bind(fd, &addr, 16)");
    }

    @Test
    void aFencedCodeBlockIsMonospaceTextInItsOwnBox(FxRobot r) {
        VBox box = render(r, "```c\nint fd = socket(AF_INET, SOCK_STREAM, 0);\n## not a heading\n```\n");
        assertThat(box.getChildren()).hasSize(1);
        ScrollPane block = (ScrollPane) box.getChildren().get(0);
        assertThat(block.getStyleClass()).contains("md-code-block");
        Text code = all(block, Text.class).get(0);
        assertThat(code.getStyleClass()).contains("md-code-text");
        assertThat(code.getText()).isEqualTo("int fd = socket(AF_INET, SOCK_STREAM, 0);\n## not a heading");
        r.interact(() -> {
            VBox pane = new VBox(box);
            pane.getStyleClass().add("lesson-pane");
            javafx.scene.Scene scene = new javafx.scene.Scene(pane);
            scene.getStylesheets().add(getClass().getResource("/fxml/lessons/LessonPane.css").toExternalForm());
            pane.applyCss();
            assertThat(code.getFont().getFamily()).containsIgnoringCase("mono");
        });
    }

    @Test
    void listsKeepTheirMarkersAndNumbers(FxRobot r) {
        VBox bullets = render(r, "- `AF_INET`: IPv4\n- `SOCK_STREAM`: TCP\n");
        VBox list = (VBox) bullets.getChildren().get(0);
        assertThat(list.getStyleClass()).contains("md-list");
        assertThat(list.getChildren()).hasSize(2).allMatch(HBox.class::isInstance);
        assertThat(all(list, Label.class)).extracting(Label::getText).containsExactly("•", "•");

        VBox numbered = render(r, "3. look at errno\n4. read it at once\n");
        assertThat(all(numbered, Label.class)).extracting(Label::getText).containsExactly("3.", "4.");
        assertThat(all(numbered, TextFlow.class)).extracting(MarkdownRendererTest::text)
                .containsExactly("look at errno", "read it at once");
    }

    @Test
    void tablesBecomeGrids(FxRobot r) {
        VBox box = render(r, "| recv returns | meaning |\n|---|---|\n| 0 | the peer closed |\n| −1 | an error, in `errno` |\n");
        GridPane grid = (GridPane) box.getChildren().get(0);
        assertThat(grid.getStyleClass()).contains("md-table");
        assertThat(grid.getChildren()).hasSize(6);
        TextFlow head = (TextFlow) grid.getChildren().get(0);
        assertThat(head.getStyleClass()).contains("md-table-head");
        assertThat(text(head)).isEqualTo("recv returns");
        TextFlow last = (TextFlow) grid.getChildren().get(5);
        assertThat(GridPane.getRowIndex(last)).isEqualTo(2);
        assertThat(GridPane.getColumnIndex(last)).isEqualTo(1);
        assertThat(text(last)).isEqualTo("an error, in errno");
    }

    @Test
    void htmlIsShownAsTextAndPicturesAreNeverLoaded(FxRobot r) {
        VBox box = render(r, "<script>alert('x')</script>\n\nSome <b>bold</b> and ![a diagram](http://example.com/x.png).");
        assertThat(all(box, TextFlow.class)).extracting(MarkdownRendererTest::text)
                .containsExactly("<script>alert('x')</script>", "Some <b>bold</b> and [a diagram].");
        assertThat(all(box, ImageView.class)).isEmpty();
    }

    @Test
    void aLessThanSignIsTextEverywhereAndAnAutolinkDoesNotOpen(FxRobot r) {
        VBox box = render(r, "Check `if (fd < 0)` and <https://example.com/> and a <b\n\n```c\n#include <stdio.h>\n```\n");
        assertThat(all(box, Hyperlink.class)).isEmpty();
        assertThat(text((TextFlow) box.getChildren().get(0)))
                .isEqualTo("Check if (fd < 0) and <https://example.com/> and a <b");
        assertThat(all(box, Text.class)).filteredOn(t -> t.getStyleClass().contains("md-code-text"))
                .extracting(Text::getText).containsExactly("#include <stdio.h>");
    }

    @Test
    void nestingDeeperThanTheLimitShowsAsPlainTextWithoutRecursingFurther(FxRobot r) {
        VBox quotes = render(r, ">".repeat(60) + " deepest words");
        List<VBox> quoteBoxes = all(quotes, VBox.class).stream().filter(v -> v.getStyleClass().contains("md-quote")).toList();
        assertThat(quoteBoxes).hasSize(org.socketstage.lessons.LessonLimits.MAX_NESTING);
        assertThat(all(quotes, TextFlow.class)).extracting(MarkdownRendererTest::text).containsExactly("deepest words");

        StringBuilder nested = new StringBuilder();
        for (int level = 0; level < 40; level++) {
            nested.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        VBox list = render(r, nested.toString());
        assertThat(all(list, VBox.class).stream().filter(v -> v.getStyleClass().contains("md-list")))
                .hasSize(org.socketstage.lessons.LessonLimits.MAX_NESTING);
        assertThat(all(list, TextFlow.class)).extracting(MarkdownRendererTest::text).last().asString()
                .startsWith("level 10").endsWith("level 39");

        String emphasis = "*a _".repeat(200) + "x" + "_ a*".repeat(200);
        TextFlow flow = onFx(r, () -> renderer.renderInline(emphasis));
        assertThat(text(flow).replace(" ", "")).isEqualTo("a".repeat(200) + "x" + "a".repeat(200));
        assertThat(all(flow, Text.class)).filteredOn(t -> t.getStyleClass().contains("md-em")).isNotEmpty();
    }

    @Test
    void textBeyondTheCheckersLimitsIsShownAsWrittenWithoutParsing(FxRobot r) {
        String quotes = "> ".repeat(5_000) + "deep";
        VBox box = render(r, quotes);
        assertThat(all(box, Text.class)).extracting(Text::getText).containsExactly(quotes);
        String stars = "*".repeat(20_000) + "x" + "*".repeat(20_000);
        assertThat(text(onFx(r, () -> renderer.renderInline(stars)))).isEqualTo(stars);
    }

    @Test
    void aWebLinkIsAHyperlinkThatOpensOnlyAfterTheUserSaysYes(FxRobot r) {
        VBox box = render(r, "See [the man page](https://man7.org/linux/man-pages/man2/bind.2.html).");
        Hyperlink link = all(box, Hyperlink.class).get(0);
        assertThat(link.getText()).isEqualTo("the man page");
        assertThat(link.getUserData()).isEqualTo("https://man7.org/linux/man-pages/man2/bind.2.html");

        userSaysYes = false;
        r.interact(link::fire);
        assertThat(asked).containsExactly("https://man7.org/linux/man-pages/man2/bind.2.html");
        assertThat(opened).as("no confirmation, no browser").isEmpty();

        userSaysYes = true;
        r.interact(link::fire);
        assertThat(opened).containsExactly("https://man7.org/linux/man-pages/man2/bind.2.html");
    }

    @Test
    void otherLinksAreShownButCannotBeOpened(FxRobot r) {
        VBox box = render(r, "[secrets](file:///etc/passwd) and [run](javascript:alert(1)) and [next](02-checking-results.md)");
        assertThat(all(box, Hyperlink.class)).isEmpty();
        assertThat(all(box, Text.class)).filteredOn(t -> t.getStyleClass().contains("md-link"))
                .extracting(Text::getText).containsExactly("secrets", "run", "next");
        assertThat(links.open("file:///etc/passwd")).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutABrowserNobodyIsAskedAndNothingOpens() {
        LinkOpener none = new LinkOpener(url -> {
            asked.add(url);
            return true;
        });
        assertThat(none.canOpen()).isFalse();
        assertThat(none.open("https://example.com/")).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void everyShippedLessonRendersIncludingItsTables(FxRobot r) {
        int grids = 0;
        int codeBlocks = 0;
        for (Lesson lesson : LessonLoader.loadBuiltIn().lessons()) {
            List<String> parts = new ArrayList<>();
            parts.add(lesson.intro());
            lesson.sections().stream().map(LessonSection::body).forEach(parts::add);
            for (String md : parts) {
                VBox box = render(r, md);
                grids += all(box, GridPane.class).size();
                codeBlocks += all(box, ScrollPane.class).size();
                assertThat(all(box, Text.class)).noneMatch(t -> t.getText().startsWith("|---"));
            }
        }
        assertThat(grids).as("the lessons' tables").isGreaterThanOrEqualTo(2);
        assertThat(codeBlocks).isGreaterThanOrEqualTo(2);
    }
}
