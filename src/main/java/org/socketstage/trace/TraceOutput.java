package org.socketstage.trace;

import org.socketstage.event.JsonLines;
import org.socketstage.event.StraceFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;

/**
 * Prints the trace lines and writes the JSON Lines transcript, flushing as it goes so that a transcript is
 * complete up to the last event even if the process is killed.
 */
final class TraceOutput implements Consumer<ServerEvent>, AutoCloseable {

    private final PrintStream out;
    private final BufferedWriter transcript;
    private final boolean stepPrompts;
    private final Map<Actor, String> pendingArgs = new HashMap<>();
    private IOException transcriptError;

    TraceOutput(PrintStream out, BufferedWriter transcript, boolean stepPrompts) {
        this.out = out;
        this.transcript = transcript;
        this.stepPrompts = stepPrompts;
    }

    @Override
    public void accept(ServerEvent event) {
        if (event instanceof ServerEvent.CallStarted s) {
            pendingArgs.put(s.actor(), s.args().text());
        }
        String line = StraceFormat.line(event);
        if (line != null) {
            out.println(line);
        } else if (stepPrompts && event instanceof ServerEvent.CallHeld h) {
            out.println("[" + h.actor().label() + "] next: " + h.call() + "(" + pendingArgs.getOrDefault(h.actor(), "")
                    + ")  -- " + h.reason() + ": press Enter to make this call");
        }
        out.flush();
        writeTranscript(event);
    }

    private void writeTranscript(ServerEvent event) {
        if (transcript == null || transcriptError != null) {
            return;
        }
        try {
            transcript.write(JsonLines.toJson(event));
            transcript.newLine();
            transcript.flush();
        } catch (IOException e) {
            transcriptError = e;
            out.println("[socketstage] transcript stopped: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        if (transcript != null) {
            transcript.close();
        }
    }
}
