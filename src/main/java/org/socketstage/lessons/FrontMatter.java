package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a content file: {@code key: value} lines between two {@code ---} lines at the very top.
 * Parsed by hand so that every problem can name its line.
 */
final class FrontMatter {

    static final List<String> KEYS = List.of("id", "title", "order", "level", "kind");

    private static final Pattern LINE = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*:\\s*(.*)");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    /** Index (0-based) of the first line after the closing fence; -1 when the header could not be read. */
    private int bodyStart = -1;
    private int fenceLine = 1;

    private FrontMatter() {}

    static FrontMatter read(String file, List<String> text, List<LessonProblem> problems) {
        FrontMatter h = new FrontMatter();
        int first = 0;
        while (first < text.size() && text.get(first).isBlank()) {
            first++;
        }
        if (first >= text.size() || !text.get(first).strip().equals("---")) {
            problems.add(new LessonProblem(file, first < text.size() ? first + 1 : 1,
                    "missing header: a content file must start with a line '---', then 'key: value' lines "
                            + "(id, title, order, level), then another '---'"));
            return h;
        }
        h.fenceLine = first + 1;
        int i = first + 1;
        for (; i < text.size() && !text.get(i).strip().equals("---"); i++) {
            String raw = text.get(i);
            if (raw.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(raw.strip());
            int lineNo = i + 1;
            if (!m.matches()) {
                problems.add(new LessonProblem(file, lineNo,
                        "expected 'key: value' in the header, found '" + raw.strip() + "'"));
                continue;
            }
            String key = m.group(1);
            if (!KEYS.contains(key)) {
                problems.add(new LessonProblem(file, lineNo,
                        "unknown header key '" + key + "'; accepted keys: " + String.join(", ", KEYS)));
            } else if (h.values.containsKey(key)) {
                problems.add(new LessonProblem(file, lineNo,
                        "header key '" + key + "' given twice (first on line " + h.lines.get(key) + ")"));
            } else {
                h.values.put(key, m.group(2).strip());
                h.lines.put(key, lineNo);
            }
        }
        if (i >= text.size()) {
            problems.add(new LessonProblem(file, first + 1,
                    "header is not closed: expected a line '---' after the 'key: value' lines"));
            return h;
        }
        h.bodyStart = i + 1;
        return h;
    }

    boolean readable() {
        return bodyStart >= 0;
    }

    int bodyStart() {
        return bodyStart;
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The line of a key, or of the header's opening fence when the key is missing. */
    int lineOf(String key) {
        return lines.getOrDefault(key, fenceLine);
    }
}
