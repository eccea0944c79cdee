package org.socketstage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's stop-the-world pauses in a server's {@code -Xlog:gc} file: how many and how long in all. The
 * engine's figures depend on them (a ring of events too big for the heap cap once made G1 collect 20 times a
 * second), so each run says them.
 */
record GcPauses(int count, double millis) {

    /** "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 61M->6M(96M) 1.769ms" (a Remark or Cleanup too). */
    private static final Pattern PAUSE = Pattern.compile("\\bGC\\(\\d+\\) Pause .*?(\\d+(?:\\.\\d+)?)ms\\s*$");

    /** The JVM option that writes the log {@link #read} reads. */
    static String option(Path log) {
        return "-Xlog:gc:file=" + log;
    }

    static GcPauses parse(List<String> lines) {
        int count = 0;
        double millis = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                count++;
                millis += Double.parseDouble(m.group(1));
            }
        }
        return new GcPauses(count, millis);
    }

    /** One pause: when it ended (ms after the JVM started, from the log's uptime decoration) and how long it took. */
    record Pause(double endMillis, double millis) {}

    /** "[39.642s] GC(15) Pause Young (Normal) (G1 Evacuation Pause) 77M->48M(96M) 11.692ms": a log with uptimes. */
    private static final Pattern TIMED_PAUSE = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s\\].*\\bGC\\(\\d+\\) Pause .*?(\\d+(?:\\.\\d+)?)ms\\s*$");

    /** The JVM option that writes the log {@link #timed} reads: each line stamped with the JVM's uptime. */
    static String timedOption(Path log) {
        return "-Xlog:gc:file=" + log + ":uptime";
    }

    /** Each pause of a log written with {@link #timedOption}, in order. */
    static List<Pause> timed(List<String> lines) {
        List<Pause> out = new java.util.ArrayList<>();
        for (String line : lines) {
            Matcher m = TIMED_PAUSE.matcher(line);
            if (m.find()) {
                out.add(new Pause(Double.parseDouble(m.group(1)) * 1000, Double.parseDouble(m.group(2))));
            }
        }
        return out;
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
