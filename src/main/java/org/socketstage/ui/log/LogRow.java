package org.socketstage.ui.log;

import java.time.Instant;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;

/**
 * One event as a row of the log table.
 *
 * <p>Under a class's flood most rows enter the log and leave it (it holds the latest 5,000) without ever being
 * drawn, so a recv()'s or send()'s text is written only when the row is first shown or copied; until then the
 * row keeps the call's small arguments (see {@link #MAX_HELD_BYTES}).
 */
public final class LogRow {

    /**
     * A buffer's arguments are kept for later only up to this many bytes of data; a larger buffer (a client
     * streaming a file) is written out at once, so 5,000 rows never hold 5,000 full buffers.
     */
    static final int MAX_HELD_BYTES = 256;

    private final long seq;
    private final Instant time;
    private final Actor actor;
    /** The call's name while its text is not written yet; null after. */
    private String callName;
    /** The arguments while the text is not written yet; null after. */
    private CallArgs.Buffer args;
    private String call;
    private final String result;
    private final String errno;
    private final boolean failed;
    private final boolean simulated;

    /**
     * @param call   the call with its arguments, or what kind of event it is (state, kernel view, notice)
     * @param result the return value or what happened; empty while a call runs
     * @param errno  the errno name of a failed call, else empty
     */
    LogRow(long seq, Instant time, Actor actor, String call, String result, String errno, boolean failed,
            boolean simulated) {
        this.seq = seq;
        this.time = time;
        this.actor = actor;
        this.call = call;
        this.result = result;
        this.errno = errno;
        this.failed = failed;
        this.simulated = simulated;
    }

    /** A recv() or send() row whose text {@code name(args)} is written when first asked for. */
    static LogRow ofBuffer(long seq, Instant time, Actor actor, String name, CallArgs.Buffer args, String result,
            String errno, boolean failed, boolean simulated) {
        if (args.heldBytes() > MAX_HELD_BYTES) {
            return new LogRow(seq, time, actor, callText(name, args), result, errno, failed, simulated);
        }
        LogRow row = new LogRow(seq, time, actor, null, result, errno, failed, simulated);
        row.callName = name;
        row.args = args;
        return row;
    }

    /** A call as the log writes it: {@code name(arguments)}. */
    static String callText(String name, CallArgs args) {
        return name + "(" + args.text() + ")";
    }

    public long seq() {
        return seq;
    }

    public Instant time() {
        return time;
    }

    public Actor actor() {
        return actor;
    }

    /** The call with its arguments, e.g. {@code recv(5, "hi\n", 4096, 0)}; rows are read on the FX thread only. */
    public String call() {
        String c = call;
        if (c == null) {
            c = callText(callName, args);
            call = c;
            callName = null;
            args = null;
        }
        return c;
    }

    /** Whether the row still keeps its call's arguments, its text not written yet (for tests). */
    boolean waitsToWriteCall() {
        return args != null;
    }

    public String result() {
        return result;
    }

    public String errno() {
        return errno;
    }

    public boolean failed() {
        return failed;
    }

    public boolean simulated() {
        return simulated;
    }

    /** The row as tab-separated text, the form spreadsheets and editors paste cleanly. */
    public String toTabSeparated(String timeText) {
        return String.join("\t", Long.toString(seq), timeText, actor.label(), call(), result, errno);
    }

    @Override
    public String toString() {
        return "LogRow[" + seq + " " + actor.label() + " " + call() + " = " + result + (errno.isEmpty() ? "" : " " + errno)
                + "]";
    }
}
