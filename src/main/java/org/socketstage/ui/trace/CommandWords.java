package org.socketstage.ui.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a typed command line into the program's arguments the way a shell would for plain cases: spaces
 * separate words, '…' and "…" keep spaces, a backslash keeps the next character. Nothing is expanded (no
 * $VAR, no *): the program is started directly, not through a shell.
 */
final class CommandWords {

    static final int MAX_LENGTH = 4096;
    static final int MAX_WORDS = 256;

    private CommandWords() {}

    /** @throws IllegalArgumentException saying what is wrong (empty, a quote not closed, too long) */
    static List<String> split(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("give the program to run, e.g. ./echo_server 9090");
        }
        if (line.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the command line is " + line.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted");
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == '\\' && quote == '"' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (ch == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
            if (words.size() > MAX_WORDS) {
                throw new IllegalArgumentException("more than " + MAX_WORDS + " words on the command line");
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + (quote == '"' ? "double" : "single") + " quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** The words back as one line that {@link #split} reads to the same words. */
    static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            if (!w.isEmpty() && w.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\')) {
                b.append(w);
            } else {
                b.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return b.toString();
    }
}
