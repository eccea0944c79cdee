package org.socketstage.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.socketstage.event.EventBus;
import org.socketstage.event.JsonLines;
import org.socketstage.event.ServerEvent;

/**
 * Every event of a session as JSON Lines in a file the user named, written by its own subscriber (never the
 * thread that prints to the terminal), so a slow terminal does not hold the file back.
 */
public final class Transcript implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Transcript.class.getName());
    private static final long DRAIN_MILLIS = 5_000;

    private final Path file;
    private final BufferedWriter out;
    private final EventBus.Subscription subscription;
    private IOException failure;

    private Transcript(Path file, BufferedWriter out, EventBus bus) {
        this.file = file;
        this.out = out;
        this.subscription = bus.subscribe("transcript", this::write);
    }

    public static Transcript open(Path file, EventBus bus) throws IOException {
        return new Transcript(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), bus);
    }

    private synchronized void write(ServerEvent event) {
        if (failure != null) {
            return;
        }
        try {
            out.write(JsonLines.toJson(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
            LOG.log(System.Logger.Level.ERROR, "writing the transcript " + file + " failed: " + e.getMessage());
        }
    }

    /** Events the transcript missed because its queue overflowed. */
    public long dropped() {
        return subscription.dropped();
    }

    /** Writes what is still queued, then closes the file. */
    @Override
    public void close() {
        try {
            subscription.drain(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
        synchronized (this) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "closing the transcript " + file + " failed: " + e.getMessage());
            }
        }
    }
}
