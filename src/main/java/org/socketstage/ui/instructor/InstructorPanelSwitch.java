package org.socketstage.ui.instructor;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Whether the instructor panel is shown: hidden by default, switched from the main window's menu, and
 * remembered in java.util.prefs under the node named by {@code socketstage.prefs.node} (default "socketstage").
 * The main window binds its menu item to {@link #shownProperty()} and the panel's visibility to it.
 */
public final class InstructorPanelSwitch {

    private static final System.Logger LOG = System.getLogger(InstructorPanelSwitch.class.getName());

    public static final String NODE_PROPERTY = "socketstage.prefs.node";
    public static final String PREF_KEY = "instructor.panel.shown";
    /** Bundle key of the menu item's text. */
    public static final String MENU_TEXT_KEY = "instructor.menu.show";

    private final Preferences prefs;
    private final BooleanProperty shown;

    InstructorPanelSwitch(Preferences prefs) {
        this.prefs = prefs;
        this.shown = new SimpleBooleanProperty(this, "shown", prefs.getBoolean(PREF_KEY, false));
        shown.addListener((o, was, now) -> remember(now));
    }

    /** The switch as stored for this user, hidden unless it was switched on before. */
    public static InstructorPanelSwitch load() {
        return new InstructorPanelSwitch(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, "socketstage")));
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public boolean isShown() {
        return shown.get();
    }

    private void remember(boolean on) {
        prefs.putBoolean(PREF_KEY, on);
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // the choice still holds for this run; only remembering it failed
            LOG.log(System.Logger.Level.WARNING, "could not save the instructor panel choice: " + e.getMessage());
        }
    }
}
