package org.socketstage.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.JsonLines;
import org.socketstage.event.StraceFormat;
import java.util.function.Consumer;
import org.socketstage.server.WorkerPriority;

/**
 * Keeps every event of the session on disk, so an export has all of them even when the views hold only the
 * latest few thousand. Each event is appended as one JSON line to a temp file, and its strace line (if it has
 * one) to a second file, both gzip-compressed; memory use stays constant however long the session runs, and
 * the disk use has a cap ({@link #DEFAULT_CAP_BYTES}): past it the spool stops and every export says how many
 * events it lacks. Export decompresses a file. Close it to stop listening and delete the temp files; the JVM's
 * end deletes them too (SIGTERM, SIGINT, any exit short of SIGKILL), and a later start deletes those of a
 * process that was killed outright.
 */
public final class EventSpool implements AutoCloseable {

    /** What an export writes. */
    public enum Format {
        JSON_LINES("jsonl"),
        STRACE("txt");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** 512 MiB compressed: hours of a busy class (about 100 KB/s at 500 echoes/s). */
    public static final long DEFAULT_CAP_BYTES = 512L * 1024 * 1024;
    private static final Set<EventSpool> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(EventSpool::close), "socketstage-spool-delete"));
    }

    private final Path dir;
    private final CompressedLines json;
    private final CompressedLines strace;
    private final long capBytes;
    private boolean capped;
    private final Function<ServerEvent, String> toJson;
    private final Function<ServerEvent, String> toStrace;
    private EventBus.Subscription subscription;
    private EventBus bus;
    private long events;
    private long straceLines;
    private long lastSeq;
    private IOException failure;
    private long missed;
    private long firstMissed = -1;
    private boolean closed;

    /**
     * A spool in a new temp folder using the given formatters: {@code toJson} gives one line without a
     * newline, {@code toStrace} gives one line or {@code null} for events strace would not print.
     */
    public EventSpool(Function<ServerEvent, String> toJson, Function<ServerEvent, String> toStrace) throws IOException {
        this(toJson, toStrace, DEFAULT_CAP_BYTES);
    }

    /** The same with a cap on the compressed bytes written (both files together). */
    public EventSpool(Function<ServerEvent, String> toJson, Function<ServerEvent, String> toStrace, long capBytes)
            throws IOException {
        this.toJson = Objects.requireNonNull(toJson);
        this.toStrace = Objects.requireNonNull(toStrace);
        if (capBytes < 1) {
            throw new IllegalArgumentException("the spool's cap must be at least 1 byte, was " + capBytes);
        }
        this.capBytes = capBytes;
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        StaleSpools.clean(temp);
        this.dir = Files.createTempDirectory(temp, StaleSpools.prefixForThisProcess());
        this.json = new CompressedLines(dir.resolve("events.jsonl.gz"));
        this.strace = new CompressedLines(dir.resolve("events.strace.txt.gz"));
        OPEN.add(this);
    }

    /** A spool that writes the project's JSON Lines and strace formats and listens to the bus from now on. */
    public static EventSpool open(EventBus bus) throws IOException {
        return new EventSpool(PROJECT_JSON, PROJECT_STRACE).listenTo(bus);
    }

    /** The project's JSON Lines: written by the generator straight into the file, not through a String. */
    private static final Function<ServerEvent, String> PROJECT_JSON = JsonLines::toJson;

    /** The project's strace lines: a recv's or send's written from its bytes, not through a String. */
    private static final Function<ServerEvent, String> PROJECT_STRACE = StraceFormat::line;

    /** Starts receiving every event published on the bus from now on, on the bus's own delivery thread. */
    public synchronized EventSpool listenTo(EventBus eventBus) {
        if (subscription != null) {
            throw new IllegalStateException("the spool already listens to a bus");
        }
        this.bus = eventBus;
        // events published before now never reach this spool; export must not wait for them
        this.lastSeq = Math.max(lastSeq, eventBus.lastSeq());
        // every event or a visible gap: the server waits for the disk rather than the export missing lines
        // its thread gives way to the window as the server's threads do (see WorkerPriority)
        Consumer<ServerEvent> onThread = new Consumer<>() {
            private boolean prioritySet;

            @Override
            public void accept(ServerEvent e) {
                if (!prioritySet) {
                    prioritySet = true;
                    WorkerPriority.applyToCurrentThread();
                }
                append(e);
            }
        };
        this.subscription = eventBus.subscribe("spool", e -> true, onThread, EventBus.DEFAULT_QUEUE_CAPACITY,
                EventBus.Delivery.KEEP_ALL);
        return this;
    }

    /** Appends one event; after a write error the spool keeps the error for the next export and stops writing. */
    public synchronized void append(ServerEvent event) {
        if (closed) {
            return;
        }
        if (failure != null || capped || json.bytesOnDisk() + strace.bytesOnDisk() >= capBytes) {
            if (failure == null && !capped) {
                reachedCap(event.seq());
            } else {
                missed++;
            }
            // a missed event is still one the spool has heard: an export must not wait for it
            lastSeq = Math.max(lastSeq, event.seq());
            notifyAll();
            return;
        }
        try {
            if (toJson == PROJECT_JSON) {
                json.writeJsonLine(event);
            } else {
                json.writeLine(toJson.apply(event));
            }
            if (toStrace == PROJECT_STRACE) {
                if (strace.writeStraceLine(event)) {
                    straceLines++;
                }
            } else {
                String line = toStrace.apply(event);
                if (line != null) {
                    strace.writeLine(line);
                    straceLines++;
                }
            }
            events++;
            lastSeq = Math.max(lastSeq, event.seq());
            notifyAll();
        } catch (IOException e) {
            failure = e;
            missed++;
            firstMissed = event.seq();
            lastSeq = Math.max(lastSeq, event.seq());
            notifyAll();
            if (bus != null) {
                String text = "the event spool in " + dir + " could not write (" + e.getMessage() + "): exports will"
                        + " not have the events from #" + event.seq() + " on";
                bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, org.socketstage.event.Actor.SERVER, text));
            }
        }
    }

    private String capText() {
        return capBytes >= 1024 * 1024 ? capBytes / (1024 * 1024) + " MB" : capBytes / 1024 + " KB";
    }

    private void reachedCap(long seq) {
        capped = true;
        missed++;
        firstMissed = seq;
        if (bus != null) {
            String text = "the event spool reached its limit of " + capText() + " on disk: exports"
                    + " will not have the events from #" + seq + " on (the views and a transcript still get them)";
            bus.publish((s, time) -> new ServerEvent.Notice(s, time, org.socketstage.event.Actor.SERVER, text));
        }
    }

    /** Events the spool could not keep (its file could not be written, or it fell too far behind). */
    public synchronized long missed() {
        return missed + (subscription == null ? 0 : subscription.dropped());
    }

    /** Events written so far. */
    public synchronized long count() {
        return events;
    }

    /**
     * Writes everything spooled so far to {@code target}, replacing it. Waits up to {@code catchUpMillis} for
     * events already published on the bus to reach the spool. Returns the number of lines written.
     */
    public long export(Format format, Path target, long catchUpMillis) throws IOException, InterruptedException {
        long published = bus == null ? 0 : bus.lastSeq();
        synchronized (this) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(catchUpMillis);
            while (lastSeq < published && System.nanoTime() < end) {
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, end - System.nanoTime()));
            }
            if (closed) {
                throw new IOException("the event spool is closed");
            }
            long lost = missed();
            if (failure != null && events == 0) {
                throw new IOException("the event spool could not write to " + dir + ": " + failure.getMessage(), failure);
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            (format == Format.JSON_LINES ? json : strace).copyTo(target);
            long lines = format == Format.JSON_LINES ? events : straceLines;
            if (lost > 0) {
                // the file has what the spool kept; the missing part is said in the file and to the person exporting
                String why = failure != null ? "the spool could not write (" + failure.getMessage() + ")"
                        : capped ? "the spool reached its limit of " + capText() + " on disk"
                        : "the spool fell behind";
                Files.writeString(target, format == Format.JSON_LINES
                        ? "{\"type\":\"ExportIncomplete\",\"missing\":" + lost + ",\"first_missing_seq\":"
                                + firstMissed + "}\n"
                        : "--- " + lost + " events are missing from this export: " + why + " ---\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                throw new IncompleteExport(lines, lost, why);
            }
            return lines;
        }
    }

    /** The export was written, but without every event; the message says how many are missing and why. */
    public static final class IncompleteExport extends IOException {
        private final long written;
        private final long missing;

        IncompleteExport(long written, long missing, String why) {
            super("wrote " + written + " lines, but " + missing + " events are missing: " + why);
            this.written = written;
            this.missing = missing;
        }

        public long written() {
            return written;
        }

        public long missing() {
            return missing;
        }
    }

    public long export(Format format, Path target) throws IOException, InterruptedException {
        return export(format, target, 2000);
    }

    /** The folder the spool writes to (deleted on close). */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        EventBus.Subscription s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = subscription;
            notifyAll();
        }
        if (s != null) {
            s.close();
        }
        synchronized (this) {
            try {
                json.close();
                strace.close();
            } catch (IOException ignored) {
                // the files are deleted next; a failed close loses nothing anyone will read
            }
            StaleSpools.deleteTree(dir);
        }
        OPEN.remove(this);
    }
}
