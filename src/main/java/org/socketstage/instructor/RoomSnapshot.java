package org.socketstage.instructor;

import java.util.Set;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;

/** The classroom's settings before a set-up changed them, so that undo can put them back. */
record RoomSnapshot(ServerConfig config, Set<Step> breakpoints, PacingMode mode) {

    static RoomSnapshot of(Classroom room) {
        StepGate gate = room.gate();
        return new RoomSnapshot(room.config(), Set.copyOf(gate.breakpoints()), gate.mode());
    }

    /** Stops the server, drops the demonstration's clients and faults, and restores the settings. */
    void restore(Classroom room, ServerConfig configToRestore) {
        if (room.serverRunning()) {
            room.stopServer();
        }
        room.clients().removeAll();
        room.faults().clearAll();
        StepGate gate = room.gate();
        gate.setBreakpoints(breakpoints);
        gate.setMode(mode);
        gate.resume();
        room.configure(configToRestore);
    }
}
