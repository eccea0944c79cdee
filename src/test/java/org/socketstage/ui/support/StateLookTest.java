package org.socketstage.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** A state is shown by pseudo-classes alone, and only a real change touches the node. */
class StateLookTest {

    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    @Test
    void swapMovesFromOneStateToTheOtherAndLeavesTheSameStateAlone() {
        Region node = new Region();
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger styleClassChanges = new AtomicInteger();
        node.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> changes.incrementAndGet());
        node.getStyleClass().addListener((ListChangeListener<String>) c -> styleClassChanges.incrementAndGet());

        StateLook.swap(node, null, OK);
        assertThat(node.getPseudoClassStates()).containsExactly(OK);
        StateLook.swap(node, OK, OK);
        assertThat(changes).hasValue(1);

        StateLook.swap(node, OK, FAILED);
        assertThat(node.getPseudoClassStates()).containsExactly(FAILED);
        StateLook.swap(node, FAILED, null);
        assertThat(node.getPseudoClassStates()).isEmpty();
        assertThat(changes).hasValue(4);
        assertThat(styleClassChanges).hasValue(0);
    }

    @Test
    void setTurnsAYesNoStateOnAndOffOnlyWhenItChanges() {
        Region node = new Region();
        AtomicInteger changes = new AtomicInteger();
        node.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> changes.incrementAndGet());

        StateLook.set(node, FAILED, false);
        assertThat(changes).hasValue(0);
        StateLook.set(node, FAILED, true);
        StateLook.set(node, FAILED, true);
        assertThat(node.getPseudoClassStates()).containsExactly(FAILED);
        assertThat(changes).hasValue(1);
        StateLook.set(node, FAILED, false);
        assertThat(node.getPseudoClassStates()).isEmpty();
        assertThat(changes).hasValue(2);
    }
}
