package org.socketstage.ui.lessons;

import java.util.HashSet;
import java.util.Set;

/**
 * Tells whether the server is going round a loop through the section the lesson has marked, from the sections it
 * was seen in during one follow pause. Fifty clients keep a live server moving between recv() and send() many
 * times a frame; a marker that followed it would jump between those two sections at every pause, which nobody
 * can read and which lays the whole page out again each time. A server that came back to the marked section
 * during the pause, after being somewhere else, is looping through it: the marker stays. One that moved on and
 * did not come back is followed.
 *
 * @param <S> a section of a lesson (null: a stage the lesson has no section for)
 */
final class LoopWatch<S> {

    private final Set<S> passed = new HashSet<>();

    /** The server was in {@code section} at one frame of the pause. */
    void passed(S section) {
        passed.add(section);
    }

    /**
     * At the end of a pause: true if the server was in {@code marked} and in another section during it (it is
     * going round a loop through the marked section). Starts the next pause afresh either way.
     */
    boolean cameBackTo(S marked) {
        boolean looping = marked != null && passed.contains(marked) && passed.size() > 1;
        passed.clear();
        return looping;
    }

    /** The marker moved, or a lesson was opened: what was passed before says nothing about the next pause. */
    void forget() {
        passed.clear();
    }
}
