package org.socketstage.trace;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.LineBytes;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.StraceFormat;

/**
 * Prints the trace lines on standard output, written once per batch of events (not once per line) so a busy
 * server costs one write for many lines. The transcript is not written here: a terminal that blocks (a paused
 * pager, a pipe nobody reads) holds back only these lines.
 *
 * <p>The echo's own lines (recv and send returning) are written straight into the batch's bytes, the same
 * bytes {@link StraceFormat} gives, without making a String per line; every other line goes through
 * {@link StraceFormat}.
 *
 * <p>Counts what it could not print: events it received whose lines never got out because standard output
 * failed (a closed pipe) or was still blocked at the end ({@link #notPrinted()}).
 */
final class TraceOutput implements EventBus.BatchListener {

    private static final int BATCH_BYTES = 1 << 16;

    private final PrintStream out;
    /** The lines of the current batch, encoded (UTF-8; nearly always plain ASCII). */
    private final LineBytes batch = new LineBytes(BATCH_BYTES + 1024);
    private final boolean stepPrompts;
    private final Map<Actor, String> pendingArgs = new HashMap<>();
    private final Runnable onFirstFailure;
    private final StringBuilder line = new StringBuilder(256);
    /** Each connection's label ("conn 4 127.0.0.1:51234"), encoded once rather than per line; kept small. */
    private final Map<Actor, Label> labels = new java.util.IdentityHashMap<>();
    private volatile long received;
    private long inBuffer;
    private volatile long confirmed;
    private volatile boolean broken;

    /** An actor's label as text (for {@link StraceFormat}) and as the bytes of the line's prefix. */
    private record Label(String text, byte[] prefix) {}

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
        if (StraceFormat.isBufferCall(event)) {
            batch.append(label(event.actor()).prefix());
            StraceFormat.appendCall(batch, (ServerEvent.CallReturned) event);
            batch.ascii('\n');
        } else {
            line.setLength(0);
            if (StraceFormat.appendLine(line, event, label(event.actor()).text())) {
                batch.append(line).ascii('\n');
            } else if (stepPrompts && event instanceof ServerEvent.CallHeld h) {
                line.append('[').append(h.actor().label()).append("] next: ").append(h.call()).append('(')
                        .append(pendingArgs.getOrDefault(h.actor(), "")).append(")  -- ").append(h.reason())
                        .append(": press Enter to make this call");
                batch.append(line).ascii('\n');
            }
        }
        if (batch.length() >= BATCH_BYTES) {
            endOfBatch();
        }
    }

    private Label label(Actor actor) {
        Label l = labels.get(actor);
        if (l == null) {
            if (labels.size() >= 4096) {
                labels.clear();
            }
            String text = actor.label();
            LineBytes prefix = StraceFormat.appendPrefix(new LineBytes(text.length() + 3), text);
            l = new Label(text, java.util.Arrays.copyOf(prefix.array(), prefix.length()));
            labels.put(actor, l);
        }
        return l;
    }

    @Override
    public void endOfBatch() {
        if (broken) {
            return;
        }
        if (batch.length() > 0) {
            out.write(batch.array(), 0, batch.length());
            batch.clear();
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
