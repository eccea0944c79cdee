package org.socketstage.ui.history;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.socketstage.ui.text.UiText;
import org.socketstage.ui.ViewFeed;

/**
 * Controller of fxml/history/ScrubberView.fxml: a slider over the kept events. Dragging it shows that moment
 * (view-only); "back to live" returns to the running server.
 */
public final class ScrubberView {

    @FXML private Slider slider;
    @FXML private Label momentLabel;
    @FXML private Label droppedLabel;
    @FXML private Button liveButton;

    private final ViewFeed feed;
    private final UiText texts;
    private boolean following;

    public ScrubberView(ViewFeed feed, UiText texts) {
        this.feed = feed;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        slider.setMin(0);
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(false);
        slider.maxProperty().bind(Bindings.max(0, feed.sizeProperty().subtract(1)));
        slider.disableProperty().bind(feed.sizeProperty().lessThan(2));
        feed.momentIndexProperty().addListener((o, a, b) -> follow(b.intValue()));
        slider.valueProperty().addListener((o, a, b) -> {
            if (!following) {
                feed.requestMoment((int) Math.round(b.doubleValue()));
            }
        });
        liveButton.disableProperty().bind(feed.liveProperty());
        momentLabel.textProperty().bind(Bindings.createStringBinding(() -> feed.isLive()
                        ? texts.format("history.live", feed.sizeProperty().get())
                        : texts.format("history.moment", feed.momentSeqProperty().get(),
                                feed.momentIndexProperty().get() + 1, feed.sizeProperty().get()),
                feed.liveProperty(), feed.momentSeqProperty(), feed.momentIndexProperty(), feed.sizeProperty()));
        droppedLabel.textProperty().bind(Bindings.createStringBinding(() -> feed.droppedProperty().get() == 0
                        ? ""
                        : texts.format("history.dropped", feed.droppedProperty().get(), feed.history().pinnedCount()),
                feed.droppedProperty()));
        droppedLabel.visibleProperty().bind(feed.droppedProperty().greaterThan(0));
        droppedLabel.managedProperty().bind(droppedLabel.visibleProperty());
    }

    private void follow(int index) {
        following = true;
        try {
            slider.setValue(index);
        } finally {
            following = false;
        }
    }

    @FXML
    private void onBackToLive() {
        feed.backToLive();
    }
}
