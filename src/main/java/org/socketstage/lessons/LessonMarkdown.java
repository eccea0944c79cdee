package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The one Markdown parser for lesson text: the checker and the lesson pane both read Markdown through it, so
 * what the checker approves is what the pane shows.
 *
 * <p>Lessons never render HTML, so commonmark is not shown a '&lt;' at all: it is swapped for a private
 * character before parsing and put back in every literal after. Without it commonmark would try to read inline
 * HTML, autolinks and HTML blocks, and the first two scan to the end of the paragraph for a '&gt;' once per
 * '&lt;' (a paragraph of 50,000 "&lt;a " took 9 s). So {@code <b>} and {@code <https://…>} are shown as the
 * characters they are, and a link is written {@code [text](https://…)}.
 */
public final class LessonMarkdown {

    private static final char LESS_THAN = '<';
    private static final char STAND_IN = '\uE000';
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private LessonMarkdown() {}

    /**
     * Parses Markdown that is within {@link LessonLimits} (callers check {@link LessonLimits#parsable} or the
     * file's limits first). Source spans give block lines, counted from 0 in {@code markdown}.
     */
    public static Document parse(String markdown) {
        Document doc = (Document) PARSER.parse(markdown.replace(LESS_THAN, STAND_IN));
        walk(doc, new Walker() {
            @Override
            public void enter(Node n) {
                restore(n);
            }
        });
        return doc;
    }

    private static void restore(Node n) {
        if (n instanceof Text t) {
            t.setLiteral(back(t.getLiteral()));
        } else if (n instanceof Code c) {
            c.setLiteral(back(c.getLiteral()));
        } else if (n instanceof FencedCodeBlock f) {
            f.setLiteral(back(f.getLiteral()));
            f.setInfo(back(f.getInfo()));
        } else if (n instanceof IndentedCodeBlock c) {
            c.setLiteral(back(c.getLiteral()));
        } else if (n instanceof Link l) {
            l.setDestination(back(l.getDestination()));
            l.setTitle(back(l.getTitle()));
        } else if (n instanceof Image i) {
            i.setDestination(back(i.getDestination()));
            i.setTitle(back(i.getTitle()));
        } else if (n instanceof LinkReferenceDefinition d) {
            d.setDestination(back(d.getDestination()));
            d.setTitle(back(d.getTitle()));
        }
    }

    private static String back(String s) {
        return s == null ? null : s.replace(STAND_IN, LESS_THAN);
    }

    /** A quote or a list: each one nests what is inside it one level deeper. */
    public static boolean isBlockLevel(Node n) {
        return n instanceof BlockQuote || n instanceof ListBlock;
    }

    /** Emphasis, strong emphasis, a link or a picture: each one nests its text one level deeper. */
    public static boolean isInlineLevel(Node n) {
        return n instanceof Emphasis || n instanceof StrongEmphasis || n instanceof Link || n instanceof Image;
    }

    /**
     * What the lesson pane cannot show in a parsed document: quotes and lists, or emphasis and links, nested
     * deeper than {@link LessonLimits#MAX_NESTING}, or more than {@link LessonLimits#MAX_ELEMENTS} elements.
     *
     * @param lineOffset the file line (from 1) of the document's first line, minus one
     */
    static List<LessonProblem> checkStructure(String file, Document doc, int lineOffset) {
        StructureCheck check = new StructureCheck();
        walk(doc, check);
        List<LessonProblem> out = new ArrayList<>();
        if (check.deepBlock != null) {
            out.add(new LessonProblem(file, lineOffset + line(check.deepBlock), "quotes and lists nested more than "
                    + LessonLimits.MAX_NESTING + " levels deep; the lesson pane shows at most "
                    + LessonLimits.MAX_NESTING));
        }
        if (check.deepInline != null) {
            out.add(new LessonProblem(file, lineOffset + line(check.deepInline), "emphasis and links nested more "
                    + "than " + LessonLimits.MAX_NESTING + " levels deep (*, **, _, [ ]); the lesson pane shows at most "
                    + LessonLimits.MAX_NESTING));
        }
        if (check.elements > LessonLimits.MAX_ELEMENTS) {
            out.add(new LessonProblem(file, 0, LessonLimits.number(check.elements) + " Markdown elements (paragraphs, "
                    + "list items, words between marks, links, ...); a file may have at most "
                    + LessonLimits.number(LessonLimits.MAX_ELEMENTS) + ": split it into several files"));
        }
        return out;
    }

    /** The line (from 1) of a node, or of the nearest block around it: inline nodes carry no lines. */
    private static int line(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.getSourceSpans().isEmpty()) {
                return at.getSourceSpans().get(0).getLineIndex() + 1;
            }
        }
        return 1;
    }

    private static final class StructureCheck implements Walker {
        int blockDepth;
        int inlineDepth;
        int elements;
        Node deepBlock;
        Node deepInline;

        @Override
        public void enter(Node n) {
            elements++;
            if (isBlockLevel(n) && ++blockDepth > LessonLimits.MAX_NESTING && deepBlock == null) {
                deepBlock = n;
            }
            if (isInlineLevel(n) && ++inlineDepth > LessonLimits.MAX_NESTING && deepInline == null) {
                deepInline = n;
            }
        }

        @Override
        public void leave(Node n) {
            if (isBlockLevel(n)) {
                blockDepth--;
            }
            if (isInlineLevel(n)) {
                inlineDepth--;
            }
        }
    }

    /** Called for every node below a root, in document order; {@code leave} after all of a node's children. */
    public interface Walker {
        void enter(Node n);

        default void leave(Node n) {}
    }

    /** Visits a tree of any depth without recursion: parsed text decides how deep it is. */
    public static void walk(Node root, Walker walker) {
        Node n = root.getFirstChild();
        while (n != null) {
            walker.enter(n);
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null) {
                walker.leave(n);
                if (n.getNext() != null) {
                    n = n.getNext();
                    break;
                }
                n = n.getParent();
                if (n == root) {
                    n = null;
                }
            }
        }
    }
}
