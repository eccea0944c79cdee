package org.socketstage.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frames over 20 ms of one probed phase, as {@link ProbedWindow} lists them ({@code SLOW (the probe started
 * 52963 ms after the JVM) 44:29 139:94}: when each gap ended, in ms after the probe started, and how long it was),
 * set beside the collector's pauses of the same JVM: how many of the slow frames a pause fell into.
 */
record SlowFrames(long probeStartUptimeMillis, List<long[]> frames) {

    private static final Pattern START = Pattern.compile("the probe started (\\d+) ms after the JVM");
    private static final Pattern FRAME = Pattern.compile("\\b(\\d+):(\\d+)\\b");

    static SlowFrames parse(String slowAnswer) {
        Matcher start = START.matcher(slowAnswer);
        if (!start.find()) {
            throw new IllegalArgumentException("not a SLOW answer: " + slowAnswer);
        }
        List<long[]> frames = new ArrayList<>();
        Matcher f = FRAME.matcher(slowAnswer.substring(start.end()));
        while (f.find()) {
            frames.add(new long[] {Long.parseLong(f.group(1)), Long.parseLong(f.group(2))});
        }
        return new SlowFrames(Long.parseLong(start.group(1)), frames);
    }

    /** How many of the slow frames overlap one of {@code pauses} (a pause ending inside a frame, or spanning it). */
    int duringPauses(List<GcPauses.Pause> pauses) {
        int n = 0;
        for (long[] frame : frames) {
            double end = probeStartUptimeMillis + frame[0];
            double begin = end - frame[1];
            for (GcPauses.Pause p : pauses) {
                if (p.endMillis() > begin && p.endMillis() - p.millis() < end) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** The pauses that ended within this phase, from the probe's start to {@code untilUptimeMillis}. */
    List<GcPauses.Pause> pausesOfPhase(List<GcPauses.Pause> all, long untilUptimeMillis) {
        return all.stream().filter(p -> p.endMillis() >= probeStartUptimeMillis && p.endMillis() <= untilUptimeMillis)
                .toList();
    }

    /** The slow frames of {@code minMillis} or longer. */
    SlowFrames atLeast(long minMillis) {
        return new SlowFrames(probeStartUptimeMillis, frames.stream().filter(f -> f[1] >= minMillis).toList());
    }

    /**
     * {@code 16 frames over 20 ms, 5 of them during a collector pause (13 pauses in the phase, 142 ms in all); 2 of
     * 50 ms or more, 1 of them during a pause}.
     */
    String describe(List<GcPauses.Pause> phasePauses) {
        double ms = phasePauses.stream().mapToDouble(GcPauses.Pause::millis).sum();
        SlowFrames long50 = atLeast(50);
        return String.format(Locale.ROOT, "%d frames over 20 ms, %d of them during a collector pause (%d pauses in the"
                + " phase, %.0f ms in all); %d of 50 ms or more, %d of them during a pause", frames.size(),
                duringPauses(phasePauses), phasePauses.size(), ms, long50.frames().size(),
                long50.duringPauses(phasePauses));
    }
}
