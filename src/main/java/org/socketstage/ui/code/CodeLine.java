package org.socketstage.ui.code;

/**
 * One line of a listing as the code panel shows it.
 *
 * @param annotation the result written beside the line, or {@code null}
 * @param current    the line belongs to the call running now (or the last one that ran)
 * @param failed     the annotation reports a failure (-1 and an errno)
 * @param checkFired the line belongs to an error check that has fired
 * @param simulated  the result came from a call SocketStage failed on purpose
 */
public record CodeLine(
        int number, String text, String annotation, boolean current, boolean failed, boolean checkFired,
        boolean simulated) {

    static CodeLine plain(int number, String text) {
        return new CodeLine(number, text, null, false, false, false, false);
    }
}
