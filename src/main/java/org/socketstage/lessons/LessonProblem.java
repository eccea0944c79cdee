package org.socketstage.lessons;

/**
 * One thing wrong with a lesson file, told the way a compiler would: {@code 04-bind.md:12: unknown stage ...}.
 * {@code line} counts from 1; 0 means the problem concerns the whole file or folder.
 */
public record LessonProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
