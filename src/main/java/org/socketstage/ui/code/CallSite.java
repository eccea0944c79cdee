package org.socketstage.ui.code;

/**
 * Where one stage sits in a listing: the line(s) of the call, and the error check that runs when the call
 * fails ({@code null} when the listing has no check for it, e.g. a deliberately missing one).
 */
public record CallSite(LineRange call, LineRange check) {

    public boolean hasCheck() {
        return check != null;
    }

    /** The line that carries the result annotation: the last line of the call. */
    public int resultLine() {
        return call.last();
    }
}
