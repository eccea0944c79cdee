package org.socketstage.ui.lane;

import org.socketstage.event.Step;

/**
 * What one stage of the lane shows at a moment.
 *
 * @param result      the real result as students write it ({@code fd = 3}, {@code = 0}, {@code -1 EADDRINUSE}),
 *                    empty before the call returned
 * @param errnoName   the errno name when the call failed, else empty
 * @param explanation one plain sentence on what the failure means and what to check, else empty
 * @param note        the held reason or other short state line, else empty
 * @param call        the full call as strace writes it, for the tooltip, else empty
 * @param actor       who made the call ({@code server}, {@code conn 4 127.0.0.1:51234})
 */
public record StageCard(
        Step stage,
        StageStatus status,
        String result,
        String errnoName,
        String explanation,
        boolean simulated,
        String note,
        String call,
        String actor) {

    public static StageCard waiting(Step stage) {
        return new StageCard(stage, StageStatus.WAITING, "", "", "", false, "", "", "");
    }

    StageCard with(StageStatus newStatus) {
        return new StageCard(stage, newStatus, result, errnoName, explanation, simulated, note, call, actor);
    }
}
