package org.socketstage.ui.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstructorPanelSwitchTest {

    private Preferences node;

    @BeforeEach
    void freshNode() throws BackingStoreException {
        node = Preferences.userRoot().node(System.getProperty(InstructorPanelSwitch.NODE_PROPERTY, "socketstage-test")
                + "-instructor-switch");
        node.clear();
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void thePanelIsHiddenUntilSwitchedOnAndTheChoiceIsRemembered() {
        InstructorPanelSwitch first = new InstructorPanelSwitch(node);
        assertThat(first.isShown()).isFalse();
        first.shownProperty().set(true);
        assertThat(new InstructorPanelSwitch(node).isShown()).as("read again, as after a restart").isTrue();
        first.shownProperty().set(false);
        assertThat(new InstructorPanelSwitch(node).isShown()).isFalse();
    }

    @Test
    void theTestsUseTheirOwnPreferencesNode() {
        // socketstage-test, or the node a parallel checkout passes with -DprefsNode=…: never the user's own
        assertThat(System.getProperty(InstructorPanelSwitch.NODE_PROPERTY)).startsWith("socketstage-test");
    }
}
