package org.socketstage.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.socketstage.lessons.LessonLibrary;
import org.socketstage.lessons.LessonLoader;
import org.socketstage.ui.lessons.LessonPaneView;

/**
 * The built-in lessons, read and parsed on their own thread while the JVM and the toolkit start: on a cold
 * start that is about a second of CPU that would otherwise come before the window. The window takes them when it
 * builds its ViewModels; a lessons folder of the instructor's own is added then, as before.
 */
public final class EarlyLessons {

    private static CompletableFuture<LessonLibrary> builtIn;

    private EarlyLessons() {}

    /** Starts reading the built-in lessons; the launcher calls it before it starts the toolkit. */
    public static synchronized void startReading() {
        if (builtIn != null) {
            return;
        }
        CompletableFuture<LessonLibrary> f = EarlyWork.start("socketstage-lessons-reader", LessonLoader::loadBuiltIn);
        builtIn = f;
    }

    /**
     * The lessons the window shows: the built-in ones (read early if {@link #startReading()} was called, else
     * now) plus {@code extra} or the folder named by the {@value LessonPaneView#LESSONS_DIR_PROPERTY} property.
     */
    static synchronized LessonLibrary take(Path extra) {
        CompletableFuture<LessonLibrary> early = builtIn;
        builtIn = null;
        if (early == null) {
            return LessonPaneView.loadLibrary(extra);
        }
        // a failure is the same the window would have met reading them itself
        LessonLibrary lessons = EarlyWork.take(early);
        Path dir = extra;
        if (dir == null && System.getProperty(LessonPaneView.LESSONS_DIR_PROPERTY) != null) {
            dir = Path.of(System.getProperty(LessonPaneView.LESSONS_DIR_PROPERTY));
        }
        return dir == null ? lessons : lessons.merge(LessonLoader.loadDirectory(dir));
    }
}
