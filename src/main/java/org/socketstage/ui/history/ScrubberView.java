package org.socketstage.ui.history;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.socketstage.ui.support.Shown;
import org.socketstage.ui.support.SteadyLine;
import org.socketstage.ui.support.SteadyPlace;
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
        // both lines change at every refresh under load (the events counted, the oldest dropped): each relays out
        // alone instead of the bar and the window around it (see SteadyLine)
        SteadyLine.inPlaceOf(momentLabel);
        // the slider's thumb moves at every refresh under load: the slider relays out alone (see SteadyPlace)
        SteadyPlace.inPlaceOf(slider);
        SteadyLine dropped = SteadyLine.inPlaceOf(droppedLabel);
        Shown.exactlyWhile(dropped, feed.droppedProperty().greaterThan(0));
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
