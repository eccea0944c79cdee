package org.socketstage.ui.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** The connection cards are put in order without taking out of the pane those that stay (which restyles them). */
class SocketsViewArrangeTest {

    private final Pane pane = new Pane();
    private final List<Node> takenOut = new ArrayList<>();

    SocketsViewArrangeTest() {
        pane.getChildren().addListener((ListChangeListener<Node>) c -> {
            while (c.next()) {
                takenOut.addAll(c.getRemoved());
            }
        });
    }

    private static Region card(String id) {
        Region r = new Region();
        r.setId(id);
        return r;
    }

    /** Arranges a pane holding {@code before} into {@code after}; returns the cards taken out meanwhile. */
    private List<Node> arrange(List<Node> before, List<Node> after) {
        pane.getChildren().setAll(before);
        takenOut.clear();
        SocketsView.arrange(pane.getChildren(), after);
        assertThat(pane.getChildren()).containsExactlyElementsOf(after);
        return takenOut;
    }

    @Test
    void whenTheFirstCardGoesTheOthersStayInThePane() {
        Region a = card("a"), b = card("b"), c = card("c"), d = card("d"), e = card("e");
        assertThat(arrange(List.of(a, b, c, d), List.of(b, c, d, e))).containsExactly(a);
    }

    @Test
    void aCardOutOfPlaceIsMovedAndTheRestAreLeft() {
        Region a = card("a"), b = card("b"), c = card("c"), d = card("d");
        assertThat(arrange(List.of(a, b, c, d), List.of(a, c, b, d))).containsExactly(c);
    }

    @Test
    void theSameCardsInTheSameOrderChangeNothingAndNoCardsEmptyThePane() {
        Region a = card("a"), b = card("b");
        pane.getChildren().setAll(a, b);
        takenOut.clear();

        SocketsView.arrange(pane.getChildren(), List.of(a, b));
        assertThat(takenOut).isEmpty();
        assertThat(pane.getChildren()).containsExactly(a, b);

        SocketsView.arrange(pane.getChildren(), List.of());
        assertThat(pane.getChildren()).isEmpty();
        assertThat(takenOut).containsExactlyInAnyOrder(a, b);
    }
}
