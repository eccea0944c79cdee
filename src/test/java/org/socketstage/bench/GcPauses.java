package org.socketstage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's stop-the-world pauses in a JVM's {@code -Xlog:gc} file: how many and how long in all, and each
 * one with when it ended. The engine's figures depend on them (a ring of events too big for the heap cap once made
 * G1 collect 20 times a second), so each run says them; the window benchmark sets them beside its slow frames.
 */
record GcPauses(int count, double millis) {

    /**
     * "[39.642s][info][gc] GC(15) Pause Young (Normal) (G1 Evacuation Pause) 77M->48M(96M) 11.692ms" (a Remark or
     * Cleanup too): the JVM's uptime when the line was written, which is when the pause ended, and its length.
     */
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+(?:\\.\\d+)?)s\\].*\\bGC\\(\\d+\\) Pause .*?(\\d+(?:\\.\\d+)?)ms\\s*$");

    /** One pause: when it ended (ms after the JVM started) and how long it took. */
    record Pause(double endMillis, double millis) {}

    /** The JVM option that writes the log this reads (its default decorations begin with the uptime). */
    static String option(Path log) {
        return "-Xlog:gc:file=" + log;
    }

    /** Each pause of the log, in order. */
    static List<Pause> each(List<String> lines) {
        List<Pause> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                out.add(new Pause(Double.parseDouble(m.group(1)) * 1000, Double.parseDouble(m.group(2))));
            }
        }
        return out;
    }

    static GcPauses parse(List<String> lines) {
        List<Pause> pauses = each(lines);
        return new GcPauses(pauses.size(), pauses.stream().mapToDouble(Pause::millis).sum());
    }

    /** Each pause in the log at {@code log}, or none if the JVM wrote none. */
    static List<Pause> each(Path log) throws IOException {
        return Files.exists(log) ? each(Files.readAllLines(log)) : List.of();
    }

    /** The pauses in the log, or none if the JVM wrote none. */
    static GcPauses read(Path log) throws IOException {
        return Files.exists(log) ? parse(Files.readAllLines(log)) : new GcPauses(0, 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d GC pauses, %.0f ms", count, millis);
    }
}
