package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How big a lesson file may be, checked on its raw lines before any Markdown parser sees them (the limits are
 * documented in lessons/README.md, "Limits"). commonmark's cost grows faster than the text in a few places:
 * it scans a paragraph again for each nested list marker, re-reads a paragraph's lines for each new line, and
 * recurses once per level of nested emphasis. Within these limits every one of those stays small, so checking
 * and showing any file takes time in proportion to its size and a bounded stack.
 */
public final class LessonLimits {

    /** 1 MB. Checked before a file is read. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final int MAX_LINE_CHARS = 5_000;
    /** Characters in a run of lines without a blank line: every paragraph, list and table fits in one. */
    public static final int MAX_BLOCK_CHARS = 20_000;
    public static final int MAX_LINES = 10_000;
    /**
     * '*', '[' and '_' that may start or end emphasis or a link, in one run of lines without a blank line (each
     * may nest one level, and commonmark recurses once per level) and in the whole file.
     */
    public static final int MAX_MARKS = 1_000;
    public static final int MAX_FILE_MARKS = 20_000;
    /** Columns of indentation, '>' and list markers at the start of a line. */
    public static final int MAX_INDENT = 100;
    /** Quotes and lists inside each other, and emphasis and links inside each other: what the lesson pane shows. */
    public static final int MAX_NESTING = 10;
    /** Markdown elements (paragraphs, list items, words between marks, links, ...) in one file: what a pane lays out. */
    public static final int MAX_ELEMENTS = 20_000;

    private LessonLimits() {}

    /**
     * Problems of the raw lines of a file, at most one per limit (the first line that breaks it, and how many
     * more do). Empty when a Markdown parser may be given these lines.
     */
    static List<LessonProblem> check(String file, List<String> lines) {
        Scan scan = new Scan();
        for (int i = 0; i < lines.size(); i++) {
            scan.line(lines.get(i), i + 1);
        }
        List<LessonProblem> out = new ArrayList<>();
        if (lines.size() > MAX_LINES) {
            out.add(new LessonProblem(file, 0, "the file has " + number(lines.size()) + " lines; a lesson file may "
                    + "have at most " + number(MAX_LINES) + ": split it into several files"));
        }
        out.addAll(scan.problems(file));
        return out;
    }

    /**
     * Whether a piece of Markdown (a section body, a quiz choice) may be given to a Markdown parser: the limits
     * on runs of lines, marks and indentation hold. Text from a file that passed {@link #check} always does.
     */
    public static boolean parsable(String markdown) {
        Scan scan = new Scan();
        int start = 0;
        int lineNo = 1;
        int n = markdown.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? markdown.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                scan.line(markdown.substring(start, i), lineNo++);
                if (c == '\r' && i + 1 < n && markdown.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return !scan.breaksBlockLimits();
    }

    /** "1,048,576": numbers in messages are read by people. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** One pass over the lines, keeping the first line that breaks each limit and how many lines do. */
    private static final class Scan {
        private final Breach longLine = new Breach();
        private final Breach longBlock = new Breach();
        private final Breach manyMarks = new Breach();
        private final Breach deepIndent = new Breach();
        private int blockStart;
        private long blockChars;
        private int blockMarks;
        private int fileMarks;
        private int fileMarksLine;
        private boolean blockReported;
        private boolean marksReported;

        void line(String line, int lineNo) {
            if (line.length() > MAX_LINE_CHARS) {
                longLine.add(lineNo, line.length());
            }
            if (blank(line)) {
                blockChars = 0;
                blockMarks = 0;
                blockReported = false;
                marksReported = false;
                return;
            }
            if (blockChars == 0) {
                blockStart = lineNo;
            }
            blockChars += line.length() + 1;
            if (blockChars > MAX_BLOCK_CHARS && !blockReported) {
                blockReported = true;
                longBlock.add(blockStart, blockChars);
            }
            int marks = marks(line);
            blockMarks += marks;
            fileMarks += marks;
            if (fileMarks > MAX_FILE_MARKS && fileMarksLine == 0) {
                fileMarksLine = lineNo;
            }
            if (blockMarks > MAX_MARKS && !marksReported) {
                marksReported = true;
                manyMarks.add(blockStart, blockMarks);
            }
            int indent = indent(line);
            if (indent > MAX_INDENT) {
                deepIndent.add(lineNo, indent);
            }
        }

        boolean breaksBlockLimits() {
            return longBlock.count > 0 || manyMarks.count > 0 || deepIndent.count > 0;
        }

        List<LessonProblem> problems(String file) {
            List<LessonProblem> out = new ArrayList<>();
            if (longLine.count > 0) {
                out.add(new LessonProblem(file, longLine.line, "line is " + number(longLine.size)
                        + " characters long; lines may be at most " + number(MAX_LINE_CHARS) + " characters"
                        + longLine.more("line")));
            }
            if (longBlock.count > 0) {
                out.add(new LessonProblem(file, longBlock.line, "more than " + number(MAX_BLOCK_CHARS)
                        + " characters without a blank line; put blank lines between paragraphs, lists and tables"
                        + longBlock.more("such run of lines")));
            }
            if (manyMarks.count > 0) {
                out.add(new LessonProblem(file, manyMarks.line, "more than " + number(MAX_MARKS)
                        + " of the emphasis and link marks *, _ and [ without a blank line; put blank lines between "
                        + "paragraphs" + manyMarks.more("such run of lines")));
            }
            if (fileMarksLine > 0) {
                out.add(new LessonProblem(file, fileMarksLine, "more than " + number(MAX_FILE_MARKS) + " of the "
                        + "emphasis and link marks *, _ and [ in the file by this line; split it into several files"));
            }
            if (deepIndent.count > 0) {
                out.add(new LessonProblem(file, deepIndent.line, "line starts with more than " + MAX_INDENT
                        + " columns of indentation, '>' and list markers" + deepIndent.more("line")));
            }
            return out;
        }
    }

    private static final class Breach {
        int line;
        long size;
        int count;

        void add(int lineNo, long value) {
            if (count++ == 0) {
                line = lineNo;
                size = value;
            }
        }

        String more(String what) {
            int others = count - 1;
            return others == 0 ? "" : " (" + number(others) + " more " + what + (others == 1 ? "" : "s") + " like it)";
        }
    }

    /** Blank the way Markdown means it: nothing but spaces and tabs. */
    static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Characters that may open or close emphasis or a link; '_' inside a word (TIME_WAIT) can do neither. */
    private static int marks(String line) {
        int marks = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '*' || c == '[') {
                marks++;
            } else if (c == '_' && !(i > 0 && i + 1 < n && Character.isLetterOrDigit(line.charAt(i - 1))
                    && Character.isLetterOrDigit(line.charAt(i + 1)))) {
                marks++;
            }
        }
        return marks;
    }

    /**
     * Columns taken by the line's leading spaces, tabs, '>' and list markers (counting stops just past the
     * limit): each quote or list a line is inside needs at least one of them, so this bounds how deep the line
     * is nested however a parser reads it.
     */
    private static int indent(String line) {
        int col = 0;
        int i = 0;
        int n = line.length();
        while (i < n && col <= MAX_INDENT) {
            char c = line.charAt(i);
            if (c == ' ' || c == '>') {
                col++;
                i++;
            } else if (c == '\t') {
                col += 4 - col % 4;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && spaceOrEnd(line, i + 1)) {
                col++;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && j - i < 9 && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
                    j++;
                }
                if (j < n && (line.charAt(j) == '.' || line.charAt(j) == ')') && spaceOrEnd(line, j + 1)) {
                    col += j + 1 - i;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return col;
    }

    private static boolean spaceOrEnd(String line, int i) {
        return i >= line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
    }
}
