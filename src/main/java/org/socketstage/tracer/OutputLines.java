package org.socketstage.tracer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.socketstage.event.Actor;

/**
 * Turns the program's writes to its standard output and error into {@code stdout: …} and {@code stderr: …}
 * notices, one per line, at the moment of the write: so a perror() line comes right after the call that
 * failed, in the log, the transcript and the trace. Used on the tracer thread only.
 */
final class OutputLines {

    private static final int MAX_LINE = 300;

    private final ProgramEvents events;
    private final Map<String, StringBuilder> partial = new HashMap<>();

    OutputLines(ProgramEvents events) {
        this.events = events;
    }

    void written(TracedCall write, long count) {
        byte[] data = write.outData;
        if (data == null) {
            return;
        }
        String text = new String(data, 0, (int) Math.min(count, data.length), StandardCharsets.UTF_8);
        String key = write.task.pid() + "/" + write.outputStream;
        StringBuilder line = partial.computeIfAbsent(key, k -> new StringBuilder());
        Actor actor = Actor.SERVER.inTask(write.task.tid);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                publish(actor, write.outputStream, line);
            } else if (line.length() < MAX_LINE) {
                line.append(ch);
            }
        }
    }

    /** A process ended: its unfinished last lines are news too. */
    void flush(int pid) {
        for (String stream : new String[] {"stdout", "stderr"}) {
            StringBuilder line = partial.remove(pid + "/" + stream);
            if (line != null && line.length() > 0) {
                publish(Actor.SERVER.inTask(pid), stream, line);
            }
        }
    }

    private void publish(Actor actor, String stream, StringBuilder line) {
        events.notice(actor, stream + ": " + line);
        line.setLength(0);
    }
}
