package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Cuts the Markdown body of a content file into parts at its structural headings: {@code ##} starts a section
 * (a term, a card), {@code ### Try it: ...} a task, {@code ### Quiz: ...} a question. commonmark finds the
 * headings, so a {@code ##} inside a code block or a list is text, not structure. Line numbers are the
 * file's, counted from 1. The lines must be within {@link LessonLimits}.
 */
final class MarkdownParts {

    enum Type { INTRO, SECTION, TASK, QUIZ }

    /** A block of the body with the file lines it spans. */
    record Block(Node node, int firstLine, int lastLine) {}

    static final class Part {
        final Type type;
        final String title;
        /** File line of the heading; for INTRO the first body line. */
        final int line;
        final List<Block> blocks = new ArrayList<>();
        /** File line just past the part (the next part's heading, or one past the last line). */
        int end;

        Part(Type type, String title, int line) {
            this.type = type;
            this.title = title;
            this.line = line;
        }
    }

    private static final Pattern TASK = Pattern.compile("(?i)try\\s+it\\b\\s*:?\\s*(.*)");
    private static final Pattern QUIZ = Pattern.compile("(?i)quiz\\b\\s*:?\\s*(.*)");

    private final List<String> fileLines;
    private int bodyStart;
    private Document doc;

    MarkdownParts(List<String> fileLines) {
        this.fileLines = fileLines;
    }

    /**
     * @param bodyStart    index (0-based) of the first body line in the file
     * @param tasksAndQuiz whether {@code ###} Try it / Quiz headings are structure (lessons) or text
     */
    List<Part> split(int bodyStart, boolean tasksAndQuiz) {
        this.bodyStart = bodyStart;
        String body = String.join("\n", fileLines.subList(bodyStart, fileLines.size()));
        doc = LessonMarkdown.parse(body);
        List<Part> parts = new ArrayList<>();
        Part current = new Part(Type.INTRO, "", bodyStart + 1);
        parts.add(current);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (spans.isEmpty()) {
                continue;
            }
            int first = firstLine(n);
            int last = lastLine(n);
            Part next = structural(n, first, tasksAndQuiz);
            if (next != null) {
                current.end = first;
                current = next;
                parts.add(current);
            } else {
                current.blocks.add(new Block(n, first, last));
            }
        }
        current.end = fileLines.size() + 1;
        return parts;
    }

    private Part structural(Node n, int line, boolean tasksAndQuiz) {
        if (!(n instanceof Heading h)) {
            return null;
        }
        String text = headingText(line);
        if (h.getLevel() == 2) {
            return new Part(Type.SECTION, text, line);
        }
        if (h.getLevel() == 3 && tasksAndQuiz) {
            Matcher task = TASK.matcher(text);
            if (task.matches()) {
                return new Part(Type.TASK, task.group(1).strip(), line);
            }
            Matcher quiz = QUIZ.matcher(text);
            if (quiz.matches()) {
                return new Part(Type.QUIZ, quiz.group(1).strip(), line);
            }
        }
        return null;
    }

    /** What the lesson pane could not show of the body last {@link #split}: see {@link LessonMarkdown#checkStructure}. */
    List<LessonProblem> checkStructure(String file) {
        return LessonMarkdown.checkStructure(file, doc, bodyStart);
    }

    /**
     * The heading as written, without the #'s (or, for an underlined heading, its first line). By hand rather
     * than with a regular expression: {@code \\s+#+\\s*$} tried again at every space of a long heading.
     */
    String headingText(int line) {
        String raw = fileLines.get(line - 1).strip();
        int start = 0;
        while (start < raw.length() && start < 6 && raw.charAt(start) == '#') {
            start++;
        }
        int end = raw.length();
        int hashes = end;
        while (hashes > start && raw.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes < end && hashes > start && Character.isWhitespace(raw.charAt(hashes - 1))) {
            end = hashes;
        }
        return raw.substring(start, end).strip();
    }

    /** File lines {@code from} to {@code to} (both from 1, {@code to} exclusive), without blank edges. */
    String text(int from, int to) {
        int a = Math.max(from, 1);
        int b = Math.min(to, fileLines.size() + 1);
        while (a < b && fileLines.get(a - 1).isBlank()) {
            a++;
        }
        while (b > a && fileLines.get(b - 2).isBlank()) {
            b--;
        }
        return a >= b ? "" : String.join("\n", fileLines.subList(a - 1, b - 1));
    }

    /** The file line (from 1) where a parsed node starts. */
    int firstLine(Node n) {
        return bodyStart + n.getSourceSpans().get(0).getLineIndex() + 1;
    }

    int lastLine(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return bodyStart + spans.get(spans.size() - 1).getLineIndex() + 1;
    }

    String line(int line) {
        return fileLines.get(line - 1);
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "untitled" : s;
    }
}
