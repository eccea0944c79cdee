package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.Paragraph;
import org.socketstage.lessons.MarkdownParts.Block;
import org.socketstage.lessons.MarkdownParts.Part;
import org.socketstage.lessons.MarkdownParts.Type;
import org.socketstage.event.Step;

/**
 * Reads one content file (format: lessons/README.md) and reports every problem with its line. Never throws
 * for bad content: a file that cannot be used comes back with problems, and the caller skips it.
 */
public final class LessonFileParser {

    /** Scenario names of the instructor panel that a task may point to with {@code scenario:}. */
    public static final List<String> SCENARIOS = List.of("port-in-use", "time-wait", "backlog-demo", "refused",
            "peer-reset", "peer-closes", "send-to-gone-peer", "partial-send", "unchecked-socket", "privileged-port",
            "address-not-here", "emfile", "any-errno");

    /** Problems listed per file; the rest are counted. */
    static final int MAX_PROBLEMS = 20;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DIRECTIVE = Pattern.compile("\\s*([a-z][a-z-]*):\\s*(.*)");
    private static final String STAGES = Arrays.stream(Step.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final String file;
    private final String source;
    private final List<String> lines;
    private final List<LessonProblem> problems = new ArrayList<>();
    private final MarkdownParts md;

    private LessonFileParser(String file, String source, String text) {
        this.file = file;
        this.source = source;
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = List.of(t.split("\r\n|\r|\n", -1));
        this.md = new MarkdownParts(lines);
    }

    /**
     * @param file   the name used in problems, e.g. {@code 04-bind.md}
     * @param source where the file came from, kept in the lesson (a path or a class path name)
     */
    public static LessonFile parse(String file, String source, String text) {
        return new LessonFileParser(file, source, text).run();
    }

    private LessonFile run() {
        problems.addAll(LessonLimits.check(file, lines));
        if (!problems.isEmpty()) {
            return result(ContentKind.LESSON, null, null, List.of(), List.of());
        }
        checkPlaceholders();
        FrontMatter header = FrontMatter.read(file, lines, problems);
        if (!header.readable()) {
            return result(ContentKind.LESSON, null, null, List.of(), List.of());
        }
        ContentKind kind = kind(header);
        String id = require(header, "id", "an id of lowercase letters, digits and '-'");
        if (id != null && !ID.matcher(id).matches()) {
            problem(header.lineOf("id"), "bad id '" + id + "': use lowercase letters, digits and '-', e.g. bind-and-listen");
        }
        String title = require(header, "title", "a title");
        List<Part> parts = md.split(header.bodyStart(), kind == ContentKind.LESSON);
        problems.addAll(md.checkStructure(file));
        return switch (kind) {
            case LESSON -> lesson(header, id, title, parts);
            case GLOSSARY -> result(kind, id, null, entries(parts, "term").stream()
                    .map(e -> new GlossaryTerm(e[0], e[1], source)).toList(), List.of());
            case FLASHCARDS -> result(kind, id, null, List.of(), entries(parts, "card").stream()
                    .map(e -> new Flashcard(e[0], e[1], source)).toList());
        };
    }

    private ContentKind kind(FrontMatter header) {
        String value = header.value("kind").orElse("lesson");
        return ContentKind.fromHeader(value).orElseGet(() -> {
            problem(header.lineOf("kind"), "bad kind '" + value + "': expected lesson, glossary or flashcards");
            return ContentKind.LESSON;
        });
    }

    /** A {@code {{name}}} the app cannot fill would reach the student as it is: say so, with the names it knows. */
    private void checkPlaceholders() {
        for (int i = 0; i < lines.size(); i++) {
            for (String name : LessonPlaceholders.unknownIn(lines.get(i))) {
                problem(i + 1, "unknown placeholder '{{" + name + "}}'; accepted: "
                        + String.join(", ", LessonPlaceholders.names().stream().map(n -> "{{" + n + "}}").toList()));
            }
        }
    }

    private LessonFile lesson(FrontMatter header, String id, String title, List<Part> parts) {
        int order = order(header);
        Lesson.Level level = level(header);
        String intro = "";
        List<LessonSection> sections = new ArrayList<>();
        Set<String> taskIds = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        List<QuizReader.TaskReference> taskRefs = new ArrayList<>();
        SectionDraft draft = null;
        for (Part p : parts) {
            switch (p.type) {
                case INTRO -> intro = md.text(p.line, p.end);
                case SECTION -> {
                    if (draft != null) {
                        sections.add(draft.build());
                    }
                    draft = section(p);
                }
                case TASK, QUIZ -> {
                    String what = p.type == Type.TASK ? "a try-it task" : "a quiz question";
                    if (draft == null) {
                        problem(p.line, what + " must be inside a section: put a '## ' heading above it");
                    } else if (p.type == Type.TASK) {
                        TryItTask t = task(p, id == null ? "lesson" : id);
                        if (t != null && !taskIds.add(t.id())) {
                            problem(p.line, "two try-it tasks in this lesson are called '" + p.title
                                    + "': give each its own title");
                        }
                        if (t != null) {
                            draft.tasks.add(t);
                        }
                    } else {
                        String lessonId = id == null ? "lesson" : id;
                        QuizQuestion q = new QuizReader(file, md, problems).read(p,
                                questionId(lessonId, p.title, questionIds), lessonId, directives(p), taskRefs);
                        if (q != null) {
                            draft.questions.add(q);
                        }
                    }
                }
            }
        }
        if (draft != null) {
            sections.add(draft.build());
        }
        if (sections.isEmpty()) {
            problem(header.bodyStart(), "a lesson needs at least one section: a line starting with '## '");
        }
        checkTaskReferences(taskRefs, sections);
        Lesson lesson = problems.isEmpty()
                ? new Lesson(id, title, order, level, intro, sections, source)
                : null;
        return result(ContentKind.LESSON, id, lesson, List.of(), List.of());
    }

    /** A predict question must name a try-it task of the same lesson (it may come before or after it). */
    private void checkTaskReferences(List<QuizReader.TaskReference> refs, List<LessonSection> sections) {
        List<String> titles = sections.stream().flatMap(s -> s.tasks().stream()).map(TryItTask::title).toList();
        for (QuizReader.TaskReference r : refs) {
            boolean found = titles.stream().anyMatch(t -> MarkdownParts.slug(t).equals(MarkdownParts.slug(r.title())));
            if (!found) {
                problem(r.line(), "predict quiz '" + r.quizTitle() + "' names the task '" + r.title()
                        + "', but this lesson has no try-it task with that title"
                        + (titles.isEmpty() ? "" : "; its tasks: " + String.join(", ", titles)));
            }
        }
    }

    /**
     * Question ids come from the question text, so that progress saved under an id survives an author adding
     * or reordering questions; two questions with the same text get -2, -3, ...
     */
    private static String questionId(String lessonId, String title, Set<String> used) {
        String base = lessonId + "/quiz/" + MarkdownParts.slug(title);
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static final class SectionDraft {
        final Part part;
        final Step stage;
        final String body;
        final List<TryItTask> tasks = new ArrayList<>();
        final List<QuizQuestion> questions = new ArrayList<>();

        SectionDraft(Part part, Step stage, String body) {
            this.part = part;
            this.stage = stage;
            this.body = body;
        }

        LessonSection build() {
            return new LessonSection(part.title, stage, body, tasks, questions, part.line);
        }
    }

    private SectionDraft section(Part p) {
        if (p.title.isEmpty()) {
            problem(p.line, "a section heading needs a title after '## '");
        }
        Step stage = null;
        int bodyFrom = p.line + 1;
        for (String[] d : directives(p)) {
            int line = Integer.parseInt(d[2]);
            bodyFrom = line + 1;
            if (!d[0].equals("stage")) {
                problem(line, "unknown key '" + d[0] + "' under a section heading; accepted: stage");
                continue;
            }
            try {
                stage = Step.valueOf(d[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(line, "unknown stage '" + d[1].strip() + "'; accepted stages: " + STAGES);
            }
        }
        return new SectionDraft(p, stage, md.text(bodyFrom, p.end));
    }

    private TryItTask task(Part p, String lessonId) {
        if (p.title.isEmpty()) {
            problem(p.line, "a try-it task needs a title after 'Try it:'");
        }
        List<Goal> goals = new ArrayList<>();
        String scenario = null;
        int bodyFrom = p.line + 1;
        boolean goalWritten = false;
        for (String[] d : directives(p)) {
            int line = Integer.parseInt(d[2]);
            bodyFrom = line + 1;
            switch (d[0]) {
                case "goal" -> {
                    goalWritten = true;
                    try {
                        goals.add(GoalParser.parse(d[1]));
                    } catch (GoalSyntaxException e) {
                        problem(line, e.getMessage());
                    }
                }
                case "scenario" -> {
                    scenario = d[1].strip();
                    if (!SCENARIOS.contains(scenario)) {
                        problem(line, "unknown scenario '" + scenario + "'; accepted: " + String.join(", ", SCENARIOS));
                    }
                }
                default -> problem(line, "unknown key '" + d[0] + "' under a try-it heading; accepted: goal, scenario");
            }
        }
        if (!goalWritten) {
            problem(p.line, "try-it task '" + p.title + "' has no goal: add a line 'goal: …' right under its heading");
        }
        String instructions = md.text(bodyFrom, p.end);
        if (instructions.isEmpty()) {
            problem(p.line, "try-it task '" + p.title + "' says nothing: write what the student should do under the goal");
        }
        return new TryItTask(lessonId + "/" + MarkdownParts.slug(p.title), p.title, goals, scenario, instructions,
                p.line);
    }

    /** The leading {@code key: value} lines of the part's first paragraph: {key, value, line}. */
    private List<String[]> directives(Part p) {
        List<String[]> found = new ArrayList<>();
        if (p.blocks.isEmpty() || !(p.blocks.get(0).node() instanceof Paragraph)) {
            return found;
        }
        Block b = p.blocks.get(0);
        for (int line = b.firstLine(); line <= b.lastLine(); line++) {
            Matcher m = DIRECTIVE.matcher(md.line(line));
            if (!m.matches()) {
                break;
            }
            found.add(new String[] {m.group(1), m.group(2), Integer.toString(line)});
        }
        return found;
    }

    /** Glossary terms and flashcards: each {@code ##} heading with the text under it. */
    private List<String[]> entries(List<Part> parts, String what) {
        List<String[]> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Part p : parts) {
            if (p.type != Type.SECTION) {
                continue;
            }
            String body = md.text(p.line + 1, p.end);
            if (p.title.isEmpty()) {
                problem(p.line, "a " + what + " needs text after '## '");
            } else if (!seen.add(p.title.toLowerCase(Locale.ROOT))) {
                problem(p.line, "the " + what + " '" + p.title + "' appears twice");
            }
            if (body.isEmpty()) {
                problem(p.line, "the " + what + " '" + p.title + "' has no text under it"
                        + (what.equals("term") ? " (its definition)" : " (the answer)"));
            }
            out.add(new String[] {p.title, body});
        }
        if (out.isEmpty()) {
            problem(1, "no " + what + "s: each starts with a line '## '");
        }
        return out;
    }

    private int order(FrontMatter header) {
        String value = require(header, "order", "a whole number from 1 to 999");
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 999) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the accepted range
        }
        problem(header.lineOf("order"), "bad order '" + value + "': expected a whole number from 1 to 999");
        return 0;
    }

    private Lesson.Level level(FrontMatter header) {
        String value = require(header, "level", "beginner, intermediate or advanced");
        if (value == null) {
            return null;
        }
        try {
            return Lesson.Level.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(header.lineOf("level"), "bad level '" + value + "': expected beginner, intermediate or advanced");
            return null;
        }
    }

    private String require(FrontMatter header, String key, String expected) {
        String v = header.value(key).orElse(null);
        if (v == null || v.isEmpty()) {
            problem(header.lineOf(key), "missing header key '" + key + "': expected " + expected);
            return null;
        }
        return v;
    }

    private void problem(int line, String message) {
        problems.add(new LessonProblem(file, line, message));
    }

    private LessonFile result(ContentKind kind, String id, Lesson lesson, List<GlossaryTerm> terms,
            List<Flashcard> cards) {
        return new LessonFile(file, kind, id, lesson, terms, cards, firstProblems());
    }

    /** A file of 100,000 bad lines must not become 100,000 warnings in the window: the first ones tell enough. */
    private List<LessonProblem> firstProblems() {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<LessonProblem> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        first.add(new LessonProblem(file, 0, "and " + LessonLimits.number(problems.size() - MAX_PROBLEMS)
                + " more problems in this file"));
        return first;
    }
}
