package org.socketstage.ui.schematic;

import org.socketstage.event.ServerEvent;

/**
 * The event that made a figure or sent an envelope. Only the event is kept: its strace text is written when
 * someone opens the details, so a busy live run formats nothing it does not show.
 */
record CallRef(ServerEvent event) {

    long seq() {
        return event.seq();
    }

    /** True when the kernel's table, not a call, is the evidence. */
    boolean fromKernel() {
        return event instanceof ServerEvent.KernelChanged;
    }

    /** {@code [client 5] connect(5, {...}, 16) = 0}; null for kernel snapshots. */
    String text() {
        String who = "[" + event.actor().label() + "] ";
        if (event instanceof ServerEvent.CallReturned r) {
            return who + r.straceText();
        }
        if (event instanceof ServerEvent.CallStarted s) {
            return who + s.call() + "(" + s.args().text() + ") …";
        }
        if (event instanceof ServerEvent.Notice n) {
            return who + n.text();
        }
        return null;
    }
}
