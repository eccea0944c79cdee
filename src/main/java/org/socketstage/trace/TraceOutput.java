package org.socketstage.trace;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.StraceFormat;

/**
 * Prints the trace lines on standard output, written once per batch of events (not once per line) so a busy
 * server costs one write for many lines. The transcript is not written here: a terminal that blocks (a paused
 * pager, a pipe nobody reads) holds back only these lines.
 *
 * <p>Counts what it could not print: events it received whose lines never got out because standard output
 * failed (a closed pipe) or was still blocked at the end ({@link #notPrinted()}).
 */
final class TraceOutput implements EventBus.BatchListener {

    private final PrintStream out;
    /** The lines of the current batch, encoded (UTF-8; nearly always plain ASCII). */
    private byte[] bytes = new byte[1 << 16];
    private int length;
    private final boolean stepPrompts;
    private final Map<Actor, String> pendingArgs = new HashMap<>();
    private final Runnable onFirstFailure;
    private StringBuilder line = new StringBuilder(256);
    /** Each connection's label ("conn 4 127.0.0.1:51234"), written once rather than per line; kept small. */
    private final Map<Actor, String> labels = new java.util.IdentityHashMap<>();
    private volatile long received;
    private long inBuffer;
    private volatile long confirmed;
    private volatile boolean broken;

    /** @param onFirstFailure told once, when standard output stops taking lines for good */
    TraceOutput(PrintStream out, boolean stepPrompts, Runnable onFirstFailure) {
        this.out = out;
        this.stepPrompts = stepPrompts;
        this.onFirstFailure = onFirstFailure;
    }

    @Override
    public void accept(ServerEvent event) {
        received++;
        if (broken) {
            return;
        }
        inBuffer++;
        if (stepPrompts && event instanceof ServerEvent.CallStarted s) {
            pendingArgs.put(s.actor(), s.args().text());
        }
        line.setLength(0);
        if (StraceFormat.appendLine(line, event, label(event.actor()))) {
            add(line);
        } else if (stepPrompts && event instanceof ServerEvent.CallHeld h) {
            line.append('[').append(h.actor().label()).append("] next: ").append(h.call()).append('(')
                    .append(pendingArgs.getOrDefault(h.actor(), "")).append(")  -- ").append(h.reason())
                    .append(": press Enter to make this call");
            add(line);
        }
        if (length >= 1 << 16) {
            endOfBatch();
        }
    }

    /** Appends the line and a newline to the batch's bytes. */
    private void add(StringBuilder text) {
        text.append('\n');
        String s = text.toString();
        byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
        if (encoded.length != s.length()) {
            // a builder that once held a character past ASCII (a × in a kernel summary) keeps its slower
            // two-byte form: start afresh
            line = new StringBuilder(256);
        }
        if (length + encoded.length > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + encoded.length));
        }
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    private String label(Actor actor) {
        String l = labels.get(actor);
        if (l == null) {
            if (labels.size() >= 4096) {
                labels.clear();
            }
            l = actor.label();
            labels.put(actor, l);
        }
        return l;
    }

    @Override
    public void endOfBatch() {
        if (broken) {
            return;
        }
        if (length > 0) {
            out.write(bytes, 0, length);
            length = 0;
        }
        out.flush();
        // PrintStream hides write errors (a closed pipe): ask it
        if (out.checkError()) {
            fail();
            return;
        }
        confirmed += inBuffer;
        inBuffer = 0;
    }

    private void fail() {
        if (!broken) {
            broken = true;
            onFirstFailure.run();
        }
    }

    /** Events received whose line did not reach standard output (as far as can be known). */
    long notPrinted() {
        return received - confirmed;
    }
}
