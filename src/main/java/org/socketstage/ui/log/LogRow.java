package org.socketstage.ui.log;

import java.time.Instant;
import org.socketstage.event.Actor;

/**
 * One event as a row of the log table.
 *
 * @param call   the call with its arguments, or what kind of event it is (state, kernel view, notice)
 * @param result the return value or what happened; empty while a call runs
 * @param errno  the errno name of a failed call, else empty
 */
public record LogRow(
        long seq, Instant time, Actor actor, String call, String result, String errno, boolean failed,
        boolean simulated) {

    /** The row as tab-separated text, the form spreadsheets and editors paste cleanly. */
    public String toTabSeparated(String timeText) {
        return String.join("\t", Long.toString(seq), timeText, actor.label(), call, result, errno);
    }
}
