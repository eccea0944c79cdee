package org.socketstage.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleLongProperty;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** A node is shown exactly while its condition holds, and a re-evaluation that changes nothing does not touch it. */
class ShownTest {

    @Test
    void onlyARealChangeTouchesTheNode() {
        SimpleLongProperty dropped = new SimpleLongProperty(0);
        Label line = new Label("dropped");
        List<Boolean> managedChanges = new ArrayList<>();
        line.managedProperty().addListener(o -> managedChanges.add(line.isManaged()));

        Shown.exactlyWhile(line, dropped.greaterThan(0));
        assertThat(line.isVisible()).isFalse();
        assertThat(line.isManaged()).isFalse();

        dropped.set(10);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.isManaged()).isTrue();
        for (int i = 11; i < 100; i++) {
            dropped.set(i); // still more than zero: the binding is evaluated again, the line is left alone
        }
        dropped.set(0);
        assertThat(line.isVisible()).isFalse();
        assertThat(managedChanges).containsExactly(false, true, false);
    }
}
