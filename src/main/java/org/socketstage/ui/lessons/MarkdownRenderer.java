package org.socketstage.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.socketstage.lessons.LessonLimits;
import org.socketstage.lessons.LessonMarkdown;

/**
 * Shows lesson Markdown as JavaFX nodes: headings, paragraphs, lists, tables, quotes and code blocks, each a
 * node with an {@code md-*} style class. Nothing is ever interpreted: HTML in a lesson shows as its text and
 * pictures as their description, so a lesson file cannot run code or fetch anything.
 *
 * <p>It reads Markdown with the checker's parser ({@link LessonMarkdown}) and shows quotes and lists nested up
 * to {@link LessonLimits#MAX_NESTING} levels, the limit the checker enforces; anything deeper, which only text
 * that bypassed the checker can hold, is shown as plain text, so no Markdown makes this recurse without bound.
 * Text outside the checker's limits is not parsed at all and shows as it is written.
 */
public final class MarkdownRenderer {

    private final LinkOpener links;
    private UnaryOperator<String> fill = UnaryOperator.identity();

    public MarkdownRenderer(LinkOpener links) {
        this.links = links;
    }

    /** Applied to every text before it is parsed: fills in the session's values ({@code {{port}}} …). */
    public void setFill(UnaryOperator<String> fill) {
        this.fill = fill == null ? UnaryOperator.identity() : fill;
    }

    public LinkOpener links() {
        return links;
    }

    /** A VBox (style class {@code markdown}) holding one node per block of the text. */
    public VBox render(String markdown) {
        VBox box = new VBox();
        box.getStyleClass().add("markdown");
        String text = markdown == null ? "" : fill.apply(markdown);
        if (LessonLimits.parsable(text)) {
            blocks(LessonMarkdown.parse(text), box, 0);
        } else {
            box.getChildren().add(codeBlock(text));
        }
        return box;
    }

    /** One line of inline Markdown (e.g. a quiz choice or a heading) as a TextFlow. */
    public TextFlow renderInline(String markdown, String... styles) {
        String text = markdown == null ? "" : fill.apply(markdown);
        if (!LessonLimits.parsable(text)) {
            return InlineFlow.plain(text, styles);
        }
        Node doc = LessonMarkdown.parse(text);
        Node first = doc.getFirstChild();
        return InlineFlow.of(first == null ? doc : first, links, styles);
    }

    /** @param depth how many quotes and lists {@code parent} is inside */
    private void blocks(Node parent, VBox into, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            into.getChildren().add(block(n, depth));
        }
    }

    private javafx.scene.Node block(Node n, int depth) {
        if (LessonMarkdown.isBlockLevel(n) && depth >= LessonLimits.MAX_NESTING) {
            return InlineFlow.plain(InlineFlow.plain(n), "md-paragraph");
        }
        if (n instanceof Heading h) {
            return InlineFlow.of(h, links, "md-heading", "md-h" + Math.min(h.getLevel(), 4));
        }
        if (n instanceof Paragraph p) {
            return InlineFlow.of(p, links, "md-paragraph");
        }
        if (n instanceof FencedCodeBlock f) {
            return codeBlock(f.getLiteral());
        }
        if (n instanceof IndentedCodeBlock c) {
            return codeBlock(c.getLiteral());
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            return list(n, depth + 1);
        }
        if (n instanceof BlockQuote) {
            VBox quote = new VBox();
            quote.getStyleClass().add("md-quote");
            blocks(n, quote, depth + 1);
            return quote;
        }
        if (n instanceof TableBlock) {
            return table(n);
        }
        if (n instanceof ThematicBreak) {
            Separator s = new Separator();
            s.getStyleClass().add("md-rule");
            return s;
        }
        // no other block holds blocks with this parser; count one anyway, so the depth stays bounded
        VBox other = new VBox();
        if (depth < LessonLimits.MAX_NESTING) {
            blocks(n, other, depth + 1);
        }
        return other;
    }

    private javafx.scene.Node codeBlock(String literal) {
        String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        Text text = new Text(code);
        text.getStyleClass().addAll(InlineFlow.TEXT, "md-code-text");
        StackPane box = new StackPane(text);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("md-code-box");
        // long lines scroll sideways rather than wrap: wrapped C code misleads more than it helps
        ScrollPane scroll = new ScrollPane(box);
        scroll.getStyleClass().add("md-code-block");
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return scroll;
    }

    /** @param depth how many quotes and lists the items are inside, this list included */
    private javafx.scene.Node list(Node list, int depth) {
        VBox box = new VBox();
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? number++ + "." : "•");
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add("md-list-content");
            blocks(item, content, depth);
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(marker, content);
            row.getStyleClass().add("md-list-item");
            box.getChildren().add(row);
        }
        return box;
    }

    private javafx.scene.Node table(Node table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        List<Integer> weights = new ArrayList<>();
        int row = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            boolean head = part instanceof TableHead;
            for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        TextFlow flow = InlineFlow.of(cell, links, "md-table-cell",
                                head ? "md-table-head" : (row % 2 == 0 ? "md-table-even" : "md-table-odd"));
                        flow.setMaxWidth(Double.MAX_VALUE);
                        flow.setMaxHeight(Double.MAX_VALUE);
                        grid.add(flow, col, row);
                        if (weights.size() <= col) {
                            weights.add(0);
                        }
                        weights.set(col, Math.max(weights.get(col), weight(InlineFlow.plain(cell))));
                        col++;
                    }
                }
                row++;
            }
        }
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        for (int w : weights) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 * w / Math.max(1, total));
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    /**
     * How much room a column wants: its longest text, capped so one long cell does not starve the others, and
     * never less than its longest word, so a short column is not squeezed to one letter per line.
     */
    private static int weight(String text) {
        int longestWord = 0;
        for (String word : text.split("\\s+")) {
            longestWord = Math.max(longestWord, word.length());
        }
        return Math.max(Math.min(text.length(), 30), longestWord * 3 / 2 + 3);
    }
}
