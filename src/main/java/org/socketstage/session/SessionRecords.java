package org.socketstage.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.record.EventSpool;
import org.socketstage.record.Transcript;

/**
 * What a session keeps of its events besides the views: the spool behind the exports (opened on first use) and
 * the transcript file (when asked for). At the end it finishes both and says on standard error what any
 * listener lost, which becomes the exit status.
 */
final class SessionRecords {

    /** Exit status when a view (or the terminal) could not show every event. */
    static final int EVENTS_NOT_SHOWN = 3;
    /** Exit status when the transcript or the export's spool is missing events (e.g. a full disk). */
    static final int RECORD_INCOMPLETE = 4;

    private final EventBus bus;
    private final Object lock = new Object();
    private EventSpool spool;
    private Transcript transcript;
    private volatile int status;
    private volatile boolean reportLosses = true;

    SessionRecords(EventBus bus) {
        this.bus = bus;
    }

    EventSpool spool() throws IOException {
        synchronized (lock) {
            if (spool == null) {
                spool = EventSpool.open(bus);
            }
            return spool;
        }
    }

    void recordTranscript(Path file) {
        synchronized (lock) {
            if (transcript != null) {
                return;
            }
            try {
                transcript = Transcript.open(file, bus, this::tellProblem);
            } catch (IOException e) {
                tellProblem("the transcript " + file + " cannot be written: " + e.getMessage());
            }
        }
    }

    boolean hasTranscript() {
        synchronized (lock) {
            return transcript != null;
        }
    }

    /** Said where the user sees it: on standard error, and in the event log. */
    private void tellProblem(String text) {
        System.err.println("socketstage: " + text);
        bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER, text));
    }

    int status() {
        return status;
    }

    void reportLossesOnClose(boolean on) {
        reportLosses = on;
    }

    /**
     * The server has stopped, so every event of the session is published: the transcript writes what is queued
     * and its totals, and every loss is said on standard error.
     */
    void finish() {
        Transcript t;
        synchronized (lock) {
            t = transcript;
            if (spool != null) {
                spool.close();
            }
        }
        if (!reportLosses) {
            return;
        }
        Map<String, Long> losses;
        boolean fileIncomplete = false;
        if (t != null) {
            Transcript.Summary summary = t.finish();
            losses = summary.losses();
            if (summary.fileIncomplete()) {
                fileIncomplete = true;
                System.err.println("socketstage: the transcript " + summary.file() + " is incomplete: it has "
                        + summary.events() + " of " + bus.lastSeq() + " events"
                        + (summary.failure() != null ? " (" + summary.failure() + ")" : ""));
            }
        } else {
            losses = bus.losses();
        }
        String kept = t != null && !fileIncomplete ? " (the transcript has every one)" : "";
        losses.forEach((who, n) -> {
            if (!who.equals("transcript")) {
                System.err.println("socketstage: " + n + " of " + bus.lastSeq() + " events did not reach " + who + kept);
            }
        });
        status = fileIncomplete ? RECORD_INCOMPLETE : losses.isEmpty() ? 0 : EVENTS_NOT_SHOWN;
    }
}
