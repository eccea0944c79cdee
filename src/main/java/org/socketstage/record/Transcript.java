package org.socketstage.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.socketstage.event.EventBus;
import org.socketstage.event.JsonLines;
import org.socketstage.event.ServerEvent;

/**
 * Every event of a session as JSON Lines in a file the user named, written by its own listener (never the
 * thread that prints to the terminal, so a blocked terminal cannot hold it back). The listener is one that
 * keeps every event ({@link EventBus.Delivery#KEEP_ALL}): when the disk is slower than the server, the server
 * waits rather than the file losing lines.
 *
 * <p>Closing it writes what is still queued and then a last record, {@code "type":"TranscriptEnd"}, with the
 * totals: how many events the file holds, the first and last sequence numbers (the lines in between have no
 * gaps), every listener that lost events and how many (e.g. the terminal that could not keep up), and whether
 * the file is complete. If writing fails (a full disk), the failure is told at once through {@code problems},
 * the file is cut back to its last complete line, the server goes on, and the summary says the file is
 * incomplete.
 */
public final class Transcript implements AutoCloseable {

    /** Queue for the file: enough for a burst of a busy class; beyond it the server waits for the disk. */
    static final int QUEUE_CAPACITY = 100_000;
    /** A disk that takes nothing for this long while closing is given up on (the wait also grows with the queue). */
    static final Duration CLOSE_QUIET = Duration.ofSeconds(5);
    private static final int WRITE_CHUNK = 64 * 1024;

    /** What the file holds once closed. */
    public record Summary(Path file, long events, long firstSeq, long lastSeq, Map<String, Long> losses,
            long unwritten, String failure) {

        /** True when the file has every event and nobody lost any. */
        public boolean complete() {
            return failure == null && unwritten == 0 && losses.isEmpty();
        }

        /** True when the file itself is missing events (it could not be written, or it fell behind). */
        public boolean fileIncomplete() {
            return failure != null || unwritten > 0 || losses.containsKey(Transcript.LISTENER);
        }
    }

    static final String LISTENER = "transcript";

    private final Path file;
    private final FileChannel channel;
    private final EventBus bus;
    private final Consumer<String> problems;
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(WRITE_CHUNK + 4096);
    private final JsonGenerator json;
    private final EventBus.Subscription subscription;
    // touched by the listener's thread, then by close() after the listener has finished
    private long committedBytes;
    private long events;
    private long bufferedEvents;
    private long firstSeq = -1;
    private long lastSeq = -1;
    private long unwritten;
    private IOException failure;
    private IOException stuck;
    private Summary summary;

    private Transcript(Path file, FileChannel channel, EventBus bus, Consumer<String> problems) throws IOException {
        this.file = file;
        this.channel = channel;
        this.bus = bus;
        this.problems = problems;
        this.json = JsonLines.lineWriter(buffer);
        this.subscription = bus.subscribe(LISTENER, e -> true, new Writer(), QUEUE_CAPACITY, EventBus.Delivery.KEEP_ALL);
    }

    /**
     * Creates (or empties) the file and records every event published on the bus from now on.
     *
     * @param problems told, once, in words, when the file stops being written (e.g. the disk is full)
     * @throws IOException with a message that says what is wrong with the file, see {@link #describe}
     */
    public static Transcript open(Path file, EventBus bus, Consumer<String> problems) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IOException(describe(file, e), e);
        }
        return new Transcript(file, channel, bus, problems);
    }

    public Path file() {
        return file;
    }

    /** The listener: events are written in batches, whole lines only. */
    private final class Writer implements EventBus.BatchListener {
        @Override
        public void accept(ServerEvent event) {
            if (failure != null) {
                unwritten++;
                return;
            }
            try {
                JsonLines.write(json, event);
                json.writeRaw('\n');
                json.flush();
            } catch (IOException | RuntimeException e) {
                // an event that cannot be written as JSON is a bug; it must not end the file
                unwritten++;
                return;
            }
            bufferedEvents++;
            if (firstSeq < 0) {
                firstSeq = event.seq();
            }
            lastSeq = event.seq();
            if (buffer.size() >= WRITE_CHUNK) {
                writeBuffer();
            }
        }

        @Override
        public void endOfBatch() {
            writeBuffer();
        }
    }

    private void writeBuffer() {
        if (buffer.size() == 0 || failure != null) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        buffer.reset();
        try {
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            committedBytes += bytes.length;
            events += bufferedEvents;
        } catch (IOException e) {
            failure = e;
            unwritten += bufferedEvents;
            cutToLastCompleteLine();
            problems.accept("the transcript " + file + " could not be written (" + reason(e) + "); it ends at its"
                    + " last complete line, " + events + " events in, and the server goes on without it");
        } finally {
            bufferedEvents = 0;
        }
    }

    /** A write that failed half-way leaves half a line: cutting it off also frees the space it took. */
    private void cutToLastCompleteLine() {
        try {
            channel.truncate(committedBytes);
        } catch (IOException ignored) {
            // the file may end in half a line; the summary says the file is incomplete either way
        }
    }

    /**
     * Writes what is queued (for as long as the disk makes progress), then the final record, and closes the
     * file. Returns what the file holds; later calls return the same summary.
     */
    public synchronized Summary finish() {
        if (summary != null) {
            return summary;
        }
        boolean finished = subscription.closeAndDrain(CLOSE_QUIET);
        if (!finished) {
            // the writing thread is still stuck in the file system: leave it alone, the file ends where it ends
            stuck = new IOException("the disk took nothing for " + CLOSE_QUIET.toSeconds() + " s while closing");
            problems.accept("the transcript " + file + " could not be finished (" + stuck.getMessage() + ")");
        }
        Map<String, Long> losses = bus.losses();
        if (finished && failure == null) {
            writeFinalRecord(losses);
        }
        if (finished) {
            try {
                channel.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        IOException problem = failure != null ? failure : stuck;
        summary = new Summary(file, events, firstSeq, lastSeq, losses, unwritten,
                problem == null ? null : reason(problem));
        return summary;
    }

    private void writeFinalRecord(Map<String, Long> losses) {
        try {
            buffer.reset();
            json.writeStartObject();
            json.writeStringField("type", "TranscriptEnd");
            json.writeStringField("time", Instant.now().toString());
            json.writeNumberField("events", events);
            json.writeNumberField("first_seq", firstSeq);
            json.writeNumberField("last_seq", lastSeq);
            json.writeNumberField("published", bus.lastSeq());
            json.writeObjectFieldStart("lost");
            for (Map.Entry<String, Long> e : losses.entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("unwritten", unwritten);
            json.writeBooleanField("complete", unwritten == 0 && losses.isEmpty());
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            failure = e;
            return;
        }
        bufferedEvents = 0;
        writeBuffer();
    }

    /** Closes as {@link #finish()} does. */
    @Override
    public void close() {
        finish();
    }

    /** Says what is wrong with a file that cannot be opened for writing, in words a person can act on. */
    public static String describe(Path file, IOException e) {
        return "cannot write " + file + ": " + reason(e);
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            Path parent = pathOf((FileSystemException) e).toAbsolutePath().getParent();
            return "the folder " + parent + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static Path pathOf(FileSystemException e) {
        return Path.of(e.getFile() == null ? "." : e.getFile());
    }
}
