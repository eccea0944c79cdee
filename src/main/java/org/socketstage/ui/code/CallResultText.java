package org.socketstage.ui.code;

import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.ui.text.UiText;

/** The short result written beside a call: {@code → 0}, {@code → 5 (127.0.0.1:51234)}, {@code → -1 EADDRINUSE}. */
public final class CallResultText {

    private static final int PREVIEW_CHARS = 24;

    private CallResultText() {}

    public static String of(CallReturned r, UiText text) {
        StringBuilder b = new StringBuilder("→ ");
        if (r.stage() == Step.SOCKADDR && !r.failed() && r.address() != null) {
            // not a system call: the program fills the struct in its own memory, there is no return value
            b.setLength(0);
            b.append(text.format("code.sockaddrFilled", r.address().toString()));
        } else if (r.failed()) {
            b.append("-1 ").append(r.errno().name());
        } else {
            b.append(r.result());
            appendDetail(b, r, text);
        }
        if (r.simulated()) {
            b.append("  [").append(text.get("code.simulated")).append(']');
        } else if (r.injected()) {
            b.append("  [").append(text.get("common.injected")).append(']');
        }
        return b.toString();
    }

    private static void appendDetail(StringBuilder b, CallReturned r, UiText text) {
        Step stage = r.stage();
        if (stage == Step.ACCEPT && r.address() != null) {
            b.append(" (").append(r.address()).append(')');
        } else if (stage == Step.RECV && r.result() == 0) {
            b.append("  ").append(text.get("code.peerClosed"));
        } else if ((stage == Step.RECV || stage == Step.SEND) && r.data() != null && r.data().length > 0) {
            b.append("  ").append(preview(r.data()));
        }
    }

    /** The first bytes as a C string literal, so that newlines and binary bytes stay visible. */
    public static String preview(byte[] data) {
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(data.length, PREVIEW_CHARS);
        for (int i = 0; i < n; i++) {
            int c = data[i] & 0xff;
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append((char) c);
                    } else {
                        b.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        b.append('"');
        if (data.length > n) {
            b.append("…");
        }
        return b.toString();
    }
}
