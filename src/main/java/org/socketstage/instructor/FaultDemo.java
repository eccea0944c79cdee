package org.socketstage.instructor;

import java.util.Optional;
import org.socketstage.settings.ServerConfig;

/**
 * One fault's demonstration over a {@link Classroom}: a one-click set-up that produces the fault for real
 * where the system allows it, an optional follow-up (e.g. "Release" the port), and an undo that puts the
 * classroom back as it was so the server can start again. Every method blocks; never call it on the FX thread.
 * An instance keeps its own undo state (saved settings, a held port), so use one instance per classroom.
 */
public abstract class FaultDemo {

    private RoomSnapshot before;
    private volatile boolean pauseAtFault;

    /**
     * In the window a demonstration pauses the server at its fault, so the failed call stays on screen while the
     * instructor explains it; the set-up then waits (long) for Run or Step and reports what the server really did.
     */
    public void pauseAtFault(boolean on) {
        pauseAtFault = on;
    }

    public abstract Fault fault();

    /** Sets the fault up and runs the demonstration until the class can see it (or it cannot happen here). */
    public final synchronized Outcome setUp(Classroom room, Progress progress) throws InterruptedException {
        if (before == null) {
            before = RoomSnapshot.of(room);
        }
        try (EventWatch watch = new EventWatch(room.bus())) {
            Rig rig = new Rig(room, watch, progress, pauseAtFault);
            rig.keepMoving();
            return demonstrate(rig);
        }
    }

    protected abstract Outcome demonstrate(Rig rig) throws InterruptedException;

    /** The bundle key naming the follow-up action, when this fault has one (e.g. Release). */
    public Optional<String> followUpKey() {
        return Optional.empty();
    }

    /** The second step of the demonstration, e.g. free the port and let bind() succeed. */
    public final synchronized Outcome followUp(Classroom room, Progress progress) throws InterruptedException {
        if (followUpKey().isEmpty()) {
            return Outcome.notShown(fault().scenarioName() + " has no follow-up action");
        }
        if (before == null) {
            return Outcome.notShown("set the fault up first");
        }
        try (EventWatch watch = new EventWatch(room.bus())) {
            Rig rig = new Rig(room, watch, progress, pauseAtFault);
            rig.keepMoving();
            return continueDemonstration(rig);
        }
    }

    protected Outcome continueDemonstration(Rig rig) throws InterruptedException {
        return Outcome.notShown("nothing to do");
    }

    /**
     * Stops the server, frees what the set-up holds, removes its clients, disarms its faults and restores the
     * settings, breakpoints and pacing from before the set-up. Start the server again afterwards.
     */
    public final synchronized Outcome undo(Classroom room, Progress progress) {
        releaseHeld(progress);
        if (before == null) {
            return Outcome.notShown("nothing to undo: " + fault().scenarioName() + " is not set up");
        }
        ServerConfig restored = configAfterUndo(before.config());
        before.restore(room, restored);
        before = null;
        progress.say("settings, breakpoints and pacing restored; the server is stopped");
        String note = undoNote(restored);
        return Outcome.shown("Undone. Start the server again: it runs normally." + (note.isEmpty() ? "" : " " + note));
    }

    public final synchronized boolean isSetUp() {
        return before != null;
    }

    /** Frees anything the demonstration holds outside the classroom (a port). */
    protected void releaseHeld(Progress progress) {}

    /** The settings undo restores; a demonstration may keep a change that recovery needs. */
    protected ServerConfig configAfterUndo(ServerConfig before) {
        return before;
    }

    protected String undoNote(ServerConfig restored) {
        return "";
    }
}
