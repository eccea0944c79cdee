package org.socketstage.ui;

/** What the window itself does when a menu item or a toolbar button asks (not a server action). */
interface WindowActions {

    void showHelp();

    /** The guided tour of the window, from its first stop. */
    void showTour();

    /** The version, the revision it was built from, the licence and the libraries' licences. */
    void showAbout();

    /** Back to a first launch's settings and pacing, after asking. */
    void resetToDefaults();

    /** File → Trace a program…: asks which program, then puts it on the stage. */
    void traceProgram();

    /** Closes the window, which ends the session and the app. */
    void quit();
}
