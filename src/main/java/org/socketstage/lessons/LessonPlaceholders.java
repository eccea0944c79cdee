package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.socketstage.settings.ServerConfig;

/**
 * Values of the running session that lesson text can name, so that a lesson says "nc 127.0.0.1 9300" when the
 * server is set to port 9300: {@code {{port}}}, {@code {{host}}} (where a client on this machine connects),
 * {@code {{bind}}}, {@code {{backlog}}}, {@code {{port.hex}}} (0x2382) and {@code {{port.bytes}}} (23 82, as
 * sin_port holds it). Filled in when the lesson is shown; the checker reports any other name.
 */
public final class LessonPlaceholders {

    private static final Map<String, Function<ServerConfig, String>> VALUES = Map.of(
            "port", c -> Integer.toString(c.port()),
            "host", c -> "0.0.0.0".equals(c.bindHost()) ? "127.0.0.1" : c.bindHost(),
            "bind", ServerConfig::bindHost,
            "backlog", c -> Integer.toString(c.backlog()),
            "port.hex", c -> String.format(Locale.ROOT, "0x%04x", c.port()),
            "port.bytes", c -> String.format(Locale.ROOT, "%02x %02x", (c.port() >> 8) & 0xff, c.port() & 0xff));

    /** The longest name worth looking for: keeps the scan linear on text full of braces. */
    private static final int MAX_NAME = 16;

    private LessonPlaceholders() {}

    /** The text with every known {@code {{name}}} replaced by its value for these settings. */
    public static String fill(String text, ServerConfig config) {
        if (text == null || text.indexOf("{{") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            String name = nameAt(text, open);
            Function<ServerConfig, String> value = name == null ? null : VALUES.get(name);
            if (value == null) {
                out.append("{{");
                i = open + 2;
            } else {
                out.append(value.apply(config));
                i = open + 2 + name.length() + 2;
            }
        }
        return out.toString();
    }

    /** Names written as {@code {{name}}} that are not placeholders, in order of appearance. */
    public static List<String> unknownIn(String text) {
        List<String> unknown = new ArrayList<>();
        int i = text == null ? -1 : text.indexOf("{{");
        while (i >= 0) {
            String name = nameAt(text, i);
            if (name != null && !VALUES.containsKey(name)) {
                unknown.add(name);
            }
            i = text.indexOf("{{", i + 2);
        }
        return unknown;
    }

    public static List<String> names() {
        return VALUES.keySet().stream().sorted().toList();
    }

    private static String nameAt(String text, int open) {
        int limit = Math.min(text.length(), open + 2 + MAX_NAME + 2);
        int close = text.indexOf("}}", open + 2);
        if (close < 0 || close + 2 > limit) {
            return null;
        }
        String name = text.substring(open + 2, close);
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!(Character.isLetter(c) || c == '.')) {
                return null;
            }
        }
        return name.isEmpty() ? null : name;
    }
}
