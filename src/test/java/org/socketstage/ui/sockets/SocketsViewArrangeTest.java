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

    @Test
    void whenTheFirstCardGoesTheOthersStayInThePane() {
        Region a = card("a"), b = card("b"), c = card("c"), d = card("d"), e = card("e");
        pane.getChildren().setAll(a, b, c, d);
        takenOut.clear();

        SocketsView.arrange(pane.getChildren(), List.of(b, c, d, e));

        assertThat(pane.getChildren()).containsExactly(b, c, d, e);
        assertThat(takenOut).containsExactly(a);
    }

    @Test
    void aCardOutOfPlaceIsMovedAndTheRestAreLeft() {
        Region a = card("a"), b = card("b"), c = card("c"), d = card("d");
        pane.getChildren().setAll(a, b, c, d);
        takenOut.clear();

        SocketsView.arrange(pane.getChildren(), List.of(a, c, b, d));

        assertThat(pane.getChildren()).containsExactly(a, c, b, d);
        assertThat(takenOut).containsExactly(c);
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
