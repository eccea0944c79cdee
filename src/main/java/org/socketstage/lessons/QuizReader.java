package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.socketstage.lessons.MarkdownParts.Block;
import org.socketstage.lessons.MarkdownParts.Part;

/**
 * Reads one {@code ### Quiz:} part: the question, an optional prompt (text or code) and a list of choices,
 * each {@code - [x] right} or {@code - [ ] wrong}, followed by a line {@code Why: ...} that explains it.
 */
final class QuizReader {

    private static final Pattern MARKER = Pattern.compile("(\\s*(?:[-*+]|\\d+[.)])\\s+)(.*)");
    private static final Pattern BOX = Pattern.compile("\\[([ xX])\\]\\s*(.*)");
    private static final Pattern WHY = Pattern.compile("\\s*Why:\\s*(.*)");

    private final String file;
    private final MarkdownParts md;
    private final List<LessonProblem> problems;

    QuizReader(String file, MarkdownParts md, List<LessonProblem> problems) {
        this.file = file;
        this.md = md;
        this.problems = problems;
    }

    QuizQuestion read(Part p, String id) {
        int before = problems.size();
        if (p.title.isEmpty()) {
            problem(p.line, "a quiz question needs its question after 'Quiz:'");
        }
        Block list = p.blocks.stream().filter(b -> b.node() instanceof ListBlock).findFirst().orElse(null);
        if (list == null) {
            problem(p.line, "quiz '" + p.title + "' has no choices: add a list of '- [x] right answer' and "
                    + "'- [ ] wrong answer' lines, each with a 'Why: …' line under it");
            return null;
        }
        String extra = md.text(p.line + 1, list.firstLine());
        String prompt = extra.isEmpty() ? p.title : p.title + "\n\n" + extra;
        p.blocks.stream().filter(b -> b.firstLine() > list.lastLine()).findFirst().ifPresent(b ->
                problem(b.firstLine(), "unexpected text after the choices of quiz '" + p.title
                        + "': explain each choice in its own 'Why: …' line"));
        List<QuizChoice> choices = new ArrayList<>();
        int n = 0;
        for (Node item = list.node().getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                n++;
                QuizChoice c = choice(item, n, p.title);
                if (c != null) {
                    choices.add(c);
                }
            }
        }
        if (n < 2) {
            problem(list.firstLine(), "quiz '" + p.title + "' has " + n + " choice; give at least 2");
        }
        long right = choices.stream().filter(QuizChoice::correct).count();
        if (choices.size() == n && right == 0) {
            problem(list.firstLine(), "quiz '" + p.title + "' has no right answer: mark exactly one choice '[x]'");
        } else if (right > 1) {
            problem(list.firstLine(), "quiz '" + p.title + "' has " + right
                    + " right answers: mark exactly one choice '[x]'");
        }
        return problems.size() == before ? new QuizQuestion(id, prompt, choices, p.line) : null;
    }

    private QuizChoice choice(Node item, int n, String title) {
        int first = md.firstLine(item);
        int last = md.lastLine(item);
        Matcher marker = MARKER.matcher(md.line(first));
        String head = marker.matches() ? marker.group(2) : md.line(first).strip();
        int indent = marker.matches() ? marker.group(1).length() : 0;
        Matcher box = BOX.matcher(head);
        if (!box.matches()) {
            problem(first, "choice " + n + " of quiz '" + title + "' must start with '[x]' (right) or '[ ]' (wrong)");
            return null;
        }
        boolean correct = !box.group(1).isBlank();
        StringBuilder text = new StringBuilder(box.group(2).strip());
        StringBuilder why = null;
        for (int line = first + 1; line <= last; line++) {
            String raw = md.line(line);
            String content = raw.length() >= indent && raw.substring(0, indent).isBlank()
                    ? raw.substring(indent) : raw.stripLeading();
            Matcher w = WHY.matcher(content);
            if (why == null && w.matches()) {
                why = new StringBuilder(w.group(1).strip());
            } else if (why != null) {
                why.append('\n').append(content);
            } else if (!content.isBlank()) {
                text.append(' ').append(content.strip());
            }
        }
        int inline = why == null ? inlineWhy(text) : -1;
        if (inline >= 0) {
            int cut = inline;
            while (cut > 0 && isSpace(text.charAt(cut - 1))) {
                cut--;
            }
            why = new StringBuilder(text.substring(inline + "Why:".length()).stripLeading());
            text = new StringBuilder(text.substring(0, cut));
        }
        if (text.toString().isBlank()) {
            problem(first, "choice " + n + " of quiz '" + title + "' has no text after its box");
            return null;
        }
        if (why == null || why.toString().isBlank()) {
            problem(first, "choice " + n + " of quiz '" + title + "' has no explanation: add a line 'Why: …' under it");
            return null;
        }
        return new QuizChoice(text.toString().strip(), correct, why.toString().strip());
    }

    /**
     * Where "Why:" starts after a space on the choice's own line, or -1. By hand, in one pass: the regular
     * expression {@code (.*?)\\s+Why:} took 20 s on a choice with 150,000 spaces.
     */
    private static int inlineWhy(CharSequence text) {
        String s = text.toString();
        for (int i = s.indexOf("Why:"); i >= 0; i = s.indexOf("Why:", i + 1)) {
            if (i > 0 && isSpace(s.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /** What {@code \\s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private void problem(int line, String message) {
        problems.add(new LessonProblem(file, line, message));
    }
}
