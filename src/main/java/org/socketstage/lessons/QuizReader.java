package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.socketstage.lessons.MarkdownParts.Block;
import org.socketstage.lessons.MarkdownParts.Part;

/**
 * Reads one {@code ### Quiz:} part: optional settings ({@code kind:}, and {@code task:} for a predict
 * question), the question, an optional prompt (text or code) and a list of choices, each {@code - [x] right}
 * or {@code - [ ] wrong}, followed by a line {@code Why: ...} that explains it.
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

    /** The task a predict question names, to be checked once the whole lesson is read. */
    record TaskReference(String title, int line, String quizTitle) {}

    /**
     * @param settings the {@code key: value} lines right under the heading: {key, value, line}
     * @param taskRefs where a predict question's {@code task:} is added, for the caller to check
     */
    QuizQuestion read(Part p, String id, String lessonId, List<String[]> settings, List<TaskReference> taskRefs) {
        int before = problems.size();
        if (p.title.isEmpty()) {
            problem(p.line, "a quiz question needs its question after 'Quiz:'");
        }
        QuizKind kind = QuizKind.RECALL;
        String taskTitle = null;
        int taskLine = p.line;
        int promptFrom = p.line + 1;
        for (String[] d : settings) {
            int line = Integer.parseInt(d[2]);
            promptFrom = line + 1;
            String value = d[1].strip();
            switch (d[0]) {
                case "kind" -> kind = QuizKind.fromWord(value).orElseGet(() -> {
                    problem(line, "bad kind '" + value + "' for quiz '" + p.title + "': expected "
                            + QuizKind.accepted());
                    return QuizKind.RECALL;
                });
                case "task" -> {
                    taskTitle = value;
                    taskLine = line;
                }
                default -> problem(line, "unknown key '" + d[0] + "' under a quiz heading; accepted: kind, task");
            }
        }
        Block list = p.blocks.stream().filter(b -> b.node() instanceof ListBlock).findFirst().orElse(null);
        if (list == null) {
            problem(p.line, "quiz '" + p.title + "' has no choices: add a list of '- [x] right answer' and "
                    + "'- [ ] wrong answer' lines, each with a 'Why: …' line under it");
            return null;
        }
        String revealTask = kindRules(p, kind, taskTitle, taskLine, list, lessonId, taskRefs);
        String extra = md.text(promptFrom, list.firstLine());
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
        return problems.size() == before ? new QuizQuestion(id, prompt, choices, p.line, kind, revealTask) : null;
    }

    /** Checks what each kind needs; returns the id of the task that reveals a predict question, else null. */
    private String kindRules(Part p, QuizKind kind, String taskTitle, int taskLine, Block list, String lessonId,
            List<TaskReference> taskRefs) {
        if (kind == QuizKind.SPOT_THE_BUG && p.blocks.stream()
                .noneMatch(b -> b.firstLine() < list.firstLine() && b.node() instanceof FencedCodeBlock)) {
            problem(p.line, "spot-the-bug quiz '" + p.title + "' shows no code: put the fragment in a fenced code "
                    + "block between the heading and the choices");
        }
        if (kind != QuizKind.PREDICT) {
            if (taskTitle != null) {
                problem(taskLine, "quiz '" + p.title + "' names a task but is not a predict question: add "
                        + "'kind: predict' or remove the 'task:' line");
            }
            return null;
        }
        if (taskTitle == null || taskTitle.isEmpty()) {
            problem(p.line, "predict quiz '" + p.title + "' needs a line 'task: …' naming the try-it task of this "
                    + "lesson whose goal reveals the answer");
            return null;
        }
        taskRefs.add(new TaskReference(taskTitle, taskLine, p.title));
        return lessonId + "/" + MarkdownParts.slug(taskTitle);
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
