package org.socketstage.ui.lessons;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.socketstage.lessons.LessonLimits;
import org.socketstage.lessons.LessonMarkdown;

/**
 * Turns the inline children of one Markdown block (a paragraph, a heading, a table cell) into a TextFlow of
 * Text nodes. Bold, italic and code become style classes on the Text; a web link becomes a Hyperlink that
 * goes through the {@link LinkOpener}. Raw HTML is shown as the characters it is made of, never interpreted
 * (the parser never sees a '&lt;', see {@link LessonMarkdown}).
 * Emphasis nested deeper than {@link LessonLimits#MAX_NESTING} (which the checker rejects) shows as plain text.
 */
final class InlineFlow {

    static final String TEXT = "md-text";
    static final String STRONG = "md-strong";
    static final String EM = "md-em";
    static final String CODE = "md-code";
    static final String LINK = "md-link";
    static final String RAW = "md-raw";

    private final LinkOpener links;
    private final TextFlow flow = new TextFlow();
    private final Deque<String> styles = new ArrayDeque<>();

    private InlineFlow(LinkOpener links) {
        this.links = links;
    }

    static TextFlow of(Node block, LinkOpener links, String... flowStyles) {
        InlineFlow f = new InlineFlow(links);
        f.flow.getStyleClass().addAll(flowStyles);
        f.children(block, 0);
        return f.flow;
    }

    /** Text as it is written, unparsed, in a TextFlow. */
    static TextFlow plain(String text, String... flowStyles) {
        InlineFlow f = new InlineFlow(null);
        f.flow.getStyleClass().addAll(flowStyles);
        f.text(text);
        return f.flow;
    }

    /** @param depth how many emphasis nodes {@code parent} is inside */
    private void children(Node parent, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, depth);
        }
    }

    private void inline(Node n, int depth) {
        if (n.getFirstChild() != null && !(n instanceof Link) && !(n instanceof Image)
                && depth >= LessonLimits.MAX_NESTING) {
            text(plain(n));
        } else if (n instanceof org.commonmark.node.Text t) {
            text(t.getLiteral());
        } else if (n instanceof Code c) {
            styled(CODE, () -> text(c.getLiteral()));
        } else if (n instanceof StrongEmphasis) {
            styled(STRONG, () -> children(n, depth + 1));
        } else if (n instanceof Emphasis) {
            styled(EM, () -> children(n, depth + 1));
        } else if (n instanceof SoftLineBreak) {
            text(" ");
        } else if (n instanceof HardLineBreak) {
            text("\n");
        } else if (n instanceof Link l) {
            link(l);
        } else if (n instanceof Image img) {
            // pictures are not fetched: a lesson file must not make the app load anything from elsewhere
            styled(RAW, () -> text("[" + plain(img) + "]"));
        } else {
            children(n, depth + 1);
        }
    }

    private void styled(String style, Runnable body) {
        styles.push(style);
        try {
            body.run();
        } finally {
            styles.pop();
        }
    }

    private void text(String s) {
        Text t = new Text(s);
        t.getStyleClass().add(TEXT);
        t.getStyleClass().addAll(styles);
        flow.getChildren().add(t);
    }

    private void link(Link l) {
        String label = plain(l);
        String url = l.getDestination();
        if (!LinkOpener.isWebAddress(url)) {
            styled(LINK, () -> text(label.isEmpty() ? url : label));
            return;
        }
        Hyperlink h = new Hyperlink(label.isEmpty() ? url : label);
        h.getStyleClass().add(LINK);
        h.setUserData(url);
        h.setTooltip(new Tooltip(url));
        h.setOnAction(e -> {
            links.open(url);
            h.setVisited(false);
        });
        flow.getChildren().add(h);
    }

    /** The characters of a node's content, without formatting, whatever its depth. */
    static String plain(Node parent) {
        StringBuilder sb = new StringBuilder();
        LessonMarkdown.walk(parent, new LessonMarkdown.Walker() {
            @Override
            public void enter(Node n) {
                if (n instanceof org.commonmark.node.Text t) {
                    sb.append(t.getLiteral());
                } else if (n instanceof Code c) {
                    sb.append(c.getLiteral());
                } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    sb.append(' ');
                }
            }

            @Override
            public void leave(Node n) {
                if (n instanceof org.commonmark.node.Block && n.getNext() != null) {
                    sb.append(' ');
                }
            }
        });
        return sb.toString();
    }
}
