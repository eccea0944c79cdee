package org.socketstage.ui.schematic;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.socketstage.event.ServerEvent;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.BatchedSink;
import org.socketstage.ui.text.UiText;

/**
 * The stage's state: which sockets, queue slots, clients and envelopes exist, fed by the engine's events and
 * published once per batch as a {@link StageFrame}. Knows the server's pacing so that in step and run mode each
 * call's animation ends within the call's delay, and in live mode packets of one kind on one row are counted into
 * one envelope. After reset() the replayed events rebuild the end state, and the next picture does not animate.
 */
public final class SchematicViewModel implements BatchedSink {

    public static final Duration STEP_ANIMATION = Duration.ofMillis(900);
    public static final Duration LIVE_ANIMATION = Duration.ofMillis(320);
    public static final Duration LONGEST_RUN_ANIMATION = Duration.ofMillis(1500);
    /** A socket appearing or a row fading takes at most this long, however slowly packets are drawn. */
    static final Duration LONGEST_OBJECT_MOTION = Duration.ofMillis(700);
    /** In run mode an animation takes this share of the delay, so it ends before the next call. */
    static final double RUN_SHARE = 0.8;

    private final StageModel model = new StageModel();
    private final FrameBuilder frames;
    private final StageDetails details;
    private final LongSupplier clock;
    private final ObjectProperty<PacingMode> pacing = new SimpleObjectProperty<>(PacingMode.RUN);
    private final DoubleProperty delayMillis = new SimpleDoubleProperty(600);
    private final BooleanProperty reduceMotion = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<StageFrame> frame = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<FigureRef> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Details> shownDetails = new ReadOnlyObjectWrapper<>();
    private Duration stepAnimation = STEP_ANIMATION;
    private Duration liveAnimation = LIVE_ANIMATION;
    private long lastSeq;
    private long publishedSeq;

    public SchematicViewModel(UiText text) {
        this(text, System::nanoTime);
    }

    /** @param clock nanoseconds, the same clock the view's animation pulses use */
    public SchematicViewModel(UiText text, LongSupplier clock) {
        StageWords words = new StageWords(text);
        this.frames = new FrameBuilder(words);
        this.details = new StageDetails(words);
        this.clock = Objects.requireNonNull(clock);
        selected.addListener((o, was, is) -> showDetails());
        publish();
    }

    @Override
    public void reset() {
        model.reset();
        model.rebuilding = true;
        lastSeq = 0;
        publishedSeq = 0;
    }

    @Override
    public void apply(ServerEvent event) {
        model.now = clock.getAsLong();
        model.budget = budgetNanos();
        model.live = pacing.get() == PacingMode.LIVE;
        model.apply(event);
        lastSeq = event.seq();
    }

    @Override
    public void publish() {
        long now = clock.getAsLong();
        boolean animate = !model.rebuilding;
        if (animate) {
            model.envelopes.settle(now);
        } else {
            model.envelopes.landAll(now);
        }
        model.rebuilding = false;
        model.prune();
        long motion = animate ? Math.min(budgetNanos(), LONGEST_OBJECT_MOTION.toNanos()) : 0;
        frame.set(frames.build(model, animate, motion, publishedSeq));
        publishedSeq = lastSeq;
        showDetails();
    }

    /** The view calls this when the envelopes it was flying have landed: they come to rest. */
    public void settle() {
        if (!model.envelopes.flying().isEmpty()) {
            publish();
        }
    }

    /** How many client rows fit; the rest are drawn as one group row. */
    public void setMaxRows(int rows) {
        int before = model.maxRows();
        model.setMaxRows(rows);
        if (model.maxRows() != before) {
            // the stage was resized, the server did nothing: rows come and go at once, packets fly on
            frame.set(frames.build(model, true, 0, publishedSeq));
            showDetails();
        }
    }

    public int maxRows() {
        return model.maxRows();
    }

    /** How long one call's animation may take now: within the run delay, short in live mode, 0 to skip. */
    long budgetNanos() {
        if (reduceMotion.get()) {
            return 0;
        }
        PacingMode mode = pacing.get() == null ? PacingMode.RUN : pacing.get();
        return switch (mode) {
            case STEP -> stepAnimation.toNanos();
            case LIVE -> liveAnimation.toNanos();
            case RUN -> Math.min(LONGEST_RUN_ANIMATION.toNanos(),
                    (long) (Math.max(0, delayMillis.get()) * RUN_SHARE * 1_000_000));
        };
    }

    /** For tests (Duration.ZERO) and for a calmer classroom. */
    public void setAnimationDurations(Duration step, Duration live) {
        this.stepAnimation = Objects.requireNonNull(step);
        this.liveAnimation = Objects.requireNonNull(live);
    }

    public void select(FigureRef ref) {
        selected.set(ref);
        showDetails();
    }

    private void showDetails() {
        FigureRef ref = selected.get();
        shownDetails.set(ref == null ? null : details.of(model, ref));
    }

    public ReadOnlyObjectProperty<StageFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public StageFrame frame() {
        return frame.get();
    }

    /** The server's pacing mode; bind it to the server controls. */
    public ObjectProperty<PacingMode> pacingProperty() {
        return pacing;
    }

    /** Run mode's delay before each call, in milliseconds; bind it to the server controls. */
    public DoubleProperty delayMillisProperty() {
        return delayMillis;
    }

    /** End states only: nothing moves, envelopes are drawn where they came to rest. */
    public BooleanProperty reduceMotionProperty() {
        return reduceMotion;
    }

    public ObjectProperty<FigureRef> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return shownDetails.getReadOnlyProperty();
    }
}
