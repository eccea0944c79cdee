package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.socketstage.event.Step;

/**
 * Every lesson, glossary term and flashcard that loaded, plus the problems of the files that did not.
 * Immutable; {@link #merge} gives a new library.
 */
public final class LessonLibrary {

    private final List<Lesson> lessons;
    private final List<GlossaryTerm> glossary;
    private final List<Flashcard> flashcards;
    private final List<LessonProblem> problems;
    private final List<String> skippedFiles;

    private LessonLibrary(List<Lesson> lessons, List<GlossaryTerm> glossary, List<Flashcard> flashcards,
            List<LessonProblem> problems, List<String> skippedFiles) {
        this.lessons = lessons.stream()
                .sorted(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id)).toList();
        this.glossary = glossary.stream()
                .sorted(Comparator.comparing(t -> t.term().toLowerCase(Locale.ROOT))).toList();
        this.flashcards = List.copyOf(flashcards);
        this.problems = List.copyOf(problems);
        this.skippedFiles = List.copyOf(skippedFiles);
    }

    public static LessonLibrary empty() {
        return new LessonLibrary(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Problems that concern no single file, e.g. a folder that does not exist. */
    static LessonLibrary failed(LessonProblem problem) {
        return new LessonLibrary(List.of(), List.of(), List.of(), List.of(problem), List.of());
    }

    /** Builds a library from parsed files; a file with problems, or whose id an earlier file used, is skipped. */
    static LessonLibrary of(List<LessonFile> files) {
        List<Lesson> lessons = new ArrayList<>();
        List<GlossaryTerm> terms = new ArrayList<>();
        List<Flashcard> cards = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> idOwner = new HashMap<>();
        for (LessonFile f : files) {
            List<LessonProblem> own = new ArrayList<>(f.problems());
            if (f.id() != null && idOwner.containsKey(f.id())) {
                own.add(new LessonProblem(f.name(), 1, "duplicate id '" + f.id() + "': " + idOwner.get(f.id())
                        + " already uses it; each file needs its own id"));
            }
            if (!own.isEmpty()) {
                problems.addAll(own);
                skipped.add(f.name());
                continue;
            }
            idOwner.put(f.id(), f.name());
            switch (f.kind()) {
                case LESSON -> lessons.add(f.lesson());
                case GLOSSARY -> terms.addAll(f.terms());
                case FLASHCARDS -> cards.addAll(f.cards());
            }
        }
        return new LessonLibrary(lessons, dedupeTerms(terms), cards, problems, skipped);
    }

    /**
     * Adds another library (an instructor's folder) to this one. A lesson of the other library with the id
     * of one here replaces it, and so does a glossary term of the same name; flashcards are added.
     */
    public LessonLibrary merge(LessonLibrary other) {
        Map<String, Lesson> byId = new LinkedHashMap<>();
        lessons.forEach(l -> byId.put(l.id(), l));
        other.lessons.forEach(l -> byId.put(l.id(), l));
        List<GlossaryTerm> terms = new ArrayList<>(glossary);
        terms.addAll(other.glossary);
        List<Flashcard> cards = new ArrayList<>(flashcards);
        cards.addAll(other.flashcards);
        List<LessonProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        List<String> skipped = new ArrayList<>(skippedFiles);
        skipped.addAll(other.skippedFiles);
        return new LessonLibrary(new ArrayList<>(byId.values()), dedupeTerms(terms), cards, allProblems, skipped);
    }

    /** Later terms win, so an instructor's definition replaces a built-in one. */
    private static List<GlossaryTerm> dedupeTerms(List<GlossaryTerm> terms) {
        Map<String, GlossaryTerm> byName = new LinkedHashMap<>();
        terms.forEach(t -> byName.put(t.term().toLowerCase(Locale.ROOT), t));
        return new ArrayList<>(byName.values());
    }

    /** Lessons sorted by their order, then id. */
    public List<Lesson> lessons() {
        return lessons;
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Glossary terms sorted alphabetically. */
    public List<GlossaryTerm> glossary() {
        return glossary;
    }

    public Optional<GlossaryTerm> term(String name) {
        return glossary.stream().filter(t -> t.term().equalsIgnoreCase(name)).findFirst();
    }

    public List<Flashcard> flashcards() {
        return flashcards;
    }

    /** Every problem found, in file order; the files they belong to were skipped. */
    public List<LessonProblem> problems() {
        return problems;
    }

    public List<String> skippedFiles() {
        return skippedFiles;
    }

    public List<TryItTask> tasks() {
        return lessons.stream().flatMap(l -> l.tasks().stream()).toList();
    }

    public List<QuizQuestion> questions() {
        return lessons.stream().flatMap(l -> l.questions().stream()).toList();
    }

    public int sectionCount() {
        return lessons.stream().mapToInt(l -> l.sections().size()).sum();
    }

    /** Sections of every lesson tied to a stage, in lesson order. */
    public List<LessonSection> sectionsFor(Step stage) {
        return lessons.stream().flatMap(l -> l.sections().stream()).filter(s -> s.stage() == stage).toList();
    }

    /** Questions of one kind. */
    public long questionCount(QuizKind kind) {
        return questions().stream().filter(q -> q.kind() == kind).count();
    }

    /**
     * {@code 8 lessons, 61 sections, 21 tasks, 31 questions (4 spot-the-bug, 3 predict), 52 terms, 30 flashcards};
     * the part in brackets only when there are such questions.
     */
    public String summary() {
        long bugs = questionCount(QuizKind.SPOT_THE_BUG);
        long predict = questionCount(QuizKind.PREDICT);
        String kinds = bugs + predict == 0 ? "" : " (" + bugs + " " + QuizKind.SPOT_THE_BUG.word() + ", " + predict
                + " " + QuizKind.PREDICT.word() + ")";
        return count(lessons.size(), "lesson") + ", " + count(sectionCount(), "section") + ", "
                + count(tasks().size(), "task") + ", " + count(questions().size(), "question") + kinds + ", "
                + count(glossary.size(), "term") + ", " + count(flashcards.size(), "flashcard");
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
