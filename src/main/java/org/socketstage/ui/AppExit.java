package org.socketstage.ui;

import java.time.Duration;
import javafx.application.Platform;
import org.socketstage.StopSignals;
import org.socketstage.session.Session;

/**
 * However the app is told to end, the session ends and frees its port, and the JVM goes within about two
 * seconds: SIGINT and SIGTERM close the window as its close button would, and if the FX thread cannot do it in
 * time the session is closed from here and the JVM exits anyway. A shutdown hook covers every other exit.
 */
final class AppExit {

    /** How long the window may take to close itself before the JVM ends without it. */
    static final Duration WINDOW_GRACE = Duration.ofMillis(1200);

    private AppExit() {}

    static void closeOnSignals(Session session, Runnable closeWindow) {
        Runtime.getRuntime().addShutdownHook(new Thread(session::close, "socketstage-exit"));
        StopSignals.install(() -> {
            Platform.runLater(closeWindow);
            if (!session.awaitClosed(WINDOW_GRACE)) {
                session.close();
            }
            System.exit(session.recordStatus());
        });
    }

    /**
     * After the window is closed, the JVM must not linger (a thread someone forgot, a stuck FX toolkit):
     * a daemon watchdog ends it if it is still there after the grace period.
     */
    static void exitSoon(Session session) {
        Thread watchdog = new Thread(() -> {
            session.awaitClosed(WINDOW_GRACE);
            try {
                Thread.sleep(WINDOW_GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.exit(session.recordStatus());
        }, "socketstage-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
