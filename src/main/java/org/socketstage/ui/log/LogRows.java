package org.socketstage.ui.log;

import org.socketstage.event.CallArgs;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerEvent.CallHeld;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.ServerEvent.CallStarted;
import org.socketstage.event.ServerEvent.KernelChanged;
import org.socketstage.event.ServerEvent.Notice;
import org.socketstage.event.ServerEvent.StateChanged;
import org.socketstage.ui.text.UiText;

/** Turns each kind of event into the columns of a log row. */
final class LogRows {

    private static final String[] SMALL_NUMBERS = new String[4097];

    private final UiText text;

    LogRows(UiText text) {
        this.text = text;
    }

    LogRow of(ServerEvent event) {
        if (event instanceof CallStarted s) {
            return callRow(event, s.call(), s.args(), text.get("log.result.started"), "", false, false);
        }
        if (event instanceof CallHeld h) {
            return row(event, h.call(), text.format("log.result.held", h.reason()), "", false, false);
        }
        if (event instanceof CallReturned r) {
            return returned(r);
        }
        if (event instanceof StateChanged s) {
            String detail = s.detail() == null || s.detail().isBlank() ? "" : ": " + s.detail();
            return row(event, text.get("log.call.state"), s.state() + detail, "", false, false);
        }
        if (event instanceof KernelChanged k) {
            return row(event, text.get("log.call.kernel"), kernel(k.snapshot()), "", false, false);
        }
        if (event instanceof Notice n) {
            return row(event, text.get("log.call.notice"), n.text(), "", false, false);
        }
        return row(event, event.getClass().getSimpleName(), "", "", false, false);
    }

    private LogRow returned(CallReturned r) {
        String errno = r.failed() ? r.errno().name() : "";
        if (!r.source().madeUp() && (r.note() == null || r.note().isBlank())) {
            // most rows of a class's load: a plain result, with no text built around it
            return callRow(r, r.call(), r.args(), r.failed() ? "-1" : number(r.result()), errno, r.failed(), false);
        }
        StringBuilder result = new StringBuilder(r.failed() ? "-1" : Long.toString(r.result()));
        if (r.simulated()) {
            result.append("  [").append(text.get("code.simulated")).append(']');
        } else if (r.injected()) {
            result.append("  [").append(text.get("common.injected")).append(']');
        }
        if (r.note() != null && !r.note().isBlank()) {
            result.append("  (").append(r.note()).append(')');
        }
        return callRow(r, r.call(), r.args(), result.toString(), errno, r.failed(), r.source().madeUp());
    }

    /**
     * {@code recv(5, "hi\\n", 4096, 0)}: a buffer's text is written only when the row is shown or copied (a row
     * is made for every event of a flood, and most leave the log unseen); other calls' text at once.
     */
    private static LogRow callRow(ServerEvent e, String call, CallArgs args, String result, String errno,
            boolean failed, boolean simulated) {
        if (args instanceof CallArgs.Buffer b) {
            return LogRow.ofBuffer(e.seq(), e.time(), e.actor(), call, b, result, errno, failed, simulated);
        }
        return row(e, LogRow.callText(call, args), result, errno, failed, simulated);
    }

    /** A call's result as text; the small ones (byte counts of a class's lines, fds) made once. */
    private static String number(long n) {
        if (n < 0 || n >= SMALL_NUMBERS.length) {
            return Long.toString(n);
        }
        String s = SMALL_NUMBERS[(int) n];
        if (s == null) {
            s = Long.toString(n);
            SMALL_NUMBERS[(int) n] = s;
        }
        return s;
    }

    private String kernel(KernelSnapshot s) {
        if (!s.available()) {
            return s.unavailableReason();
        }
        String queue = s.acceptQueue().isPresent() ? Integer.toString(s.acceptQueue().getAsInt()) : "?";
        String limit = s.effectiveLimit().isPresent() ? Integer.toString(s.effectiveLimit().getAsInt()) : "?";
        return text.format("log.result.kernel", queue, limit, Integer.toString(s.rows().size()));
    }

    private static LogRow row(ServerEvent e, String call, String result, String errno, boolean failed,
            boolean simulated) {
        return new LogRow(e.seq(), e.time(), e.actor(), call, result, errno, failed, simulated);
    }
}
