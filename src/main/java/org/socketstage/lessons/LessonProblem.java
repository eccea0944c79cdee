package org.socketstage.lessons;

/**
 * One thing wrong with a lesson file, told the way a compiler would: {@code 04-bind.md:12: unknown stage ...}.
 * {@code line} counts from 1; 0 means the problem concerns the whole file or folder. File names and messages
 * are kept printable: a control character (a newline in a file name, an escape sequence quoted from a file)
 * is written as {@code \n} or {@code \u001b}, so a problem is always one line and cannot pass for another.
 */
public record LessonProblem(String file, int line, String message) {

    public LessonProblem {
        file = printable(file);
        message = printable(message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    /**
     * The text with control characters, line and paragraph separators and direction overrides written as
     * escapes; everything else, backslashes included, as it is.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escape != null) {
                out.append(escape);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.getType(c) == Character.CONTROL
                    || c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
