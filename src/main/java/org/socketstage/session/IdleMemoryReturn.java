package org.socketstage.session;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.socketstage.socket.Platform;

/**
 * After a busy spell (a class's load, a flood), once the events have gone quiet, hands the memory the C heap has
 * freed back to the system, once. glibc keeps freed memory for reuse: after a load the window's resident memory
 * stayed about 60 MB above what it needed (the JIT's and the toolkit's freed buffers). The Java heap gives its own
 * back through the collector; this is the native side. Where glibc's {@code malloc_trim} is not there (another
 * system, another C library), nothing is done.
 */
final class IdleMemoryReturn implements AutoCloseable {

    /** How often the bus is looked at. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(15);
    /** Events since the last return that make a busy spell: a lesson's steps stay far below it. */
    static final long BUSY_EVENTS = 2_000;
    /** Fewer events than this within one check means the spell is over (the kernel view still reports now and then). */
    static final long QUIET_EVENTS = 100;

    private final LongSupplier lastSeq;
    private final Runnable returnMemory;
    private final ScheduledExecutorService timer;
    private long seenAtLastCheck;
    private long seenAtLastReturn;
    private int returns;

    /**
     * @param lastSeq      the number of the newest event published
     * @param returnMemory gives the free memory back
     */
    IdleMemoryReturn(LongSupplier lastSeq, Runnable returnMemory, boolean scheduled) {
        this.lastSeq = lastSeq;
        this.returnMemory = returnMemory;
        this.seenAtLastCheck = lastSeq.getAsLong();
        this.seenAtLastReturn = seenAtLastCheck;
        if (scheduled) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "socketstage-memory-return");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** The session's own: checks on a timer of its own thread, using glibc where there is one. */
    static IdleMemoryReturn forSession(LongSupplier lastSeq) {
        return new IdleMemoryReturn(lastSeq, GlibcTrim::trim, GlibcTrim.worthChecking());
    }

    /** One look at the bus; returns the memory when a busy spell has just gone quiet. True when it did. */
    synchronized boolean check() {
        long now = lastSeq.getAsLong();
        long sinceCheck = now - seenAtLastCheck;
        seenAtLastCheck = now;
        if (sinceCheck >= QUIET_EVENTS || now - seenAtLastReturn < BUSY_EVENTS) {
            return false;
        }
        seenAtLastReturn = now;
        returns++;
        try {
            returnMemory.run();
        } catch (LinkageError | RuntimeException e) {
            // no malloc_trim after all: the memory stays with the process, as without this class
        }
        return true;
    }

    synchronized int returns() {
        return returns;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * glibc's malloc_trim(0): every arena's free pages back to the system. Looked up on first use, as a plain
     * function: an interface mapping would make a proxy class while the session is built, on the way to the
     * trace mode's first listen().
     */
    static final class GlibcTrim {
        private GlibcTrim() {}

        private static final class Lookup {
            static final Function MALLOC_TRIM = find();
        }

        private static Function find() {
            if (Platform.current() != Platform.LINUX) {
                return null;
            }
            try {
                return NativeLibrary.getInstance("c").getFunction("malloc_trim");
            } catch (LinkageError | RuntimeException e) {
                return null; // musl and others have no malloc_trim
            }
        }

        /** Where it may be there: the check is scheduled, and finds out at its first return. */
        static boolean worthChecking() {
            return Platform.current() == Platform.LINUX;
        }

        static boolean available() {
            return Lookup.MALLOC_TRIM != null;
        }

        /** True when some memory was given back. */
        static boolean trim() {
            return available() && Lookup.MALLOC_TRIM.invokeInt(new Object[] {new NativeLong(0)}) == 1; // size_t pad
        }
    }
}
