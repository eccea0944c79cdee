package org.socketstage.ui.code;

/**
 * How to find a stage in a listing's text, so that line numbers are computed rather than typed in and can
 * never drift from the code. {@code callStart} must occur on exactly one line; {@code callEnd} (optional)
 * ends a multi-line call; {@code check} (optional) is the first line after the call containing that text,
 * and its block runs to the closing brace at the same indentation.
 */
public record StageAnchor(String callStart, String callEnd, String check) {

    public static StageAnchor call(String callStart, String check) {
        return new StageAnchor(callStart, null, check);
    }

    public static StageAnchor uncheckedCall(String callStart) {
        return new StageAnchor(callStart, null, null);
    }

    public static StageAnchor block(String callStart, String callEnd, String check) {
        return new StageAnchor(callStart, callEnd, check);
    }
}
