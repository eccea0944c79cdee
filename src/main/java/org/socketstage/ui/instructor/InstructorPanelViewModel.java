package org.socketstage.ui.instructor;

import org.socketstage.ui.text.UiText;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.concurrent.Task;
import org.socketstage.instructor.AnyErrno;
import org.socketstage.instructor.Classroom;
import org.socketstage.instructor.Fault;
import org.socketstage.instructor.FaultCard;
import org.socketstage.instructor.FaultDemo;
import org.socketstage.instructor.Origin;
import org.socketstage.instructor.Outcome;
import org.socketstage.instructor.Progress;
import org.socketstage.instructor.Scenario;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.ui.EventSink;

/**
 * The instructor panel's state: the faults and the selected one's card, the any-errno choice, and the
 * progress and result of the set-up running now. Set-ups run as JavaFX Tasks on the panel's own worker
 * thread; their messages and results come back to the FX thread through the Task's own properties.
 */
public final class InstructorPanelViewModel implements EventSink {

    private enum Action { SET_UP, FOLLOW_UP, UNDO }

    private final UiText text;
    private final ObservableList<Fault> faults = FXCollections.observableArrayList(Fault.values());
    private final ObjectProperty<Fault> selected = new SimpleObjectProperty<>(this, "selected", Fault.PORT_IN_USE);
    private final ReadOnlyObjectWrapper<FaultCard> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final StringProperty originText = new SimpleStringProperty(this, "originText", "");
    private final StringProperty badgeText = new SimpleStringProperty(this, "badgeText", "");
    private final BooleanProperty simulated = new SimpleBooleanProperty(this, "simulated");
    private final StringProperty followUpText = new SimpleStringProperty(this, "followUpText", "");
    private final BooleanProperty followUpAvailable = new SimpleBooleanProperty(this, "followUpAvailable");
    private final BooleanProperty anyErrnoSelected = new SimpleBooleanProperty(this, "anyErrnoSelected");
    private final ObservableList<Step> choosableStages = FXCollections.observableArrayList(AnyErrno.CHOOSABLE);
    private final ObjectProperty<Step> chosenStage = new SimpleObjectProperty<>(this, "chosenStage", AnyErrno.DEFAULT_STAGE);
    private final ObservableList<String> errnoNames = FXCollections.observableArrayList(Errno.knownNames());
    private final StringProperty chosenErrno = new SimpleStringProperty(this, "chosenErrno", AnyErrno.DEFAULT_ERRNO);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty connected = new SimpleBooleanProperty(this, "connected");
    private final StringProperty status = new SimpleStringProperty(this, "status");
    private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
    private final StringProperty lastFailure = new SimpleStringProperty(this, "lastFailure");
    private final ObservableSet<Fault> setUp = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<Step> missingCheck = new ReadOnlyObjectWrapper<>(this, "missingCheck");
    private final Map<Fault, FaultDemo> demos = new EnumMap<>(Fault.class);
    private final Classroom classroom;
    private final Executor background;
    private Task<Outcome> current;

    /**
     * @param classroom  what the set-ups drive (the session), or null: the actions then only say so
     * @param background where the set-ups run (the session's background thread), never the FX thread
     */
    public InstructorPanelViewModel(UiText text, Classroom classroom, Executor background) {
        this.text = text;
        this.classroom = classroom;
        this.background = background;
        selected.addListener((o, was, now) -> showCard(now));
        showCard(selected.get());
        connected.set(classroom != null);
        status.set(text.get(classroom == null ? "instructor.status.noClassroom" : "instructor.status.idle"));
        reset();
    }

    private void showCard(Fault fault) {
        if (fault == null) {
            return;
        }
        card.set(FaultCard.of(fault, text.bundle()));
        originText.set(text.get("instructor.origin." + fault.origin().name()));
        badgeText.set(text.get("instructor.badge." + fault.origin().name()));
        simulated.set(fault.origin() != Origin.REAL);
        Optional<String> followUp = demo(fault).followUpKey();
        followUpAvailable.set(followUp.isPresent());
        followUpText.set(followUp.map(text::get).orElse(""));
        anyErrnoSelected.set(fault == Fault.ANY_ERRNO);
    }

    private FaultDemo demo(Fault fault) {
        return demos.computeIfAbsent(fault, f -> {
            FaultDemo d = f.newDemo();
            // on screen the failed call must stay until the instructor has explained it
            d.pauseAtFault(true);
            return d;
        });
    }

    /** The title for the list, e.g. "Too many open files". */
    public String titleOf(Fault fault) {
        return text.get(FaultCard.PREFIX + fault.scenarioName() + ".title");
    }

    /** The short tag for the list: real, simulated, part simulated, real or simulated. */
    public String tagOf(Fault fault) {
        return text.get("instructor.tag." + fault.origin().name());
    }

    public String setUpMarker() {
        return text.get("instructor.isSetUp");
    }

    public void setUpSelected() {
        Fault f = selected.get();
        if (f == Fault.ANY_ERRNO && !chooseCallAndErrno()) {
            return;
        }
        run(f, Action.SET_UP);
    }

    /**
     * Selects the scenario's fault and runs its set-up here, so the panel shows the progress and Undo works:
     * what {@code --scenario NAME} does at launch. Call on the FX thread, after the classroom is attached.
     */
    public void runScenario(Scenario scenario) {
        selected.set(scenario.fault());
        setUpSelected();
    }

    public void followUpSelected() {
        run(selected.get(), Action.FOLLOW_UP);
    }

    /** Stops a set-up that is still running, then undoes the selected fault. */
    public void undoSelected() {
        if (current != null && current.isRunning()) {
            current.cancel(true);
        }
        run(selected.get(), Action.UNDO);
    }

    private boolean chooseCallAndErrno() {
        Step stage = chosenStage.get();
        String errno = chosenErrno.get();
        Optional<String> problem = AnyErrno.check(stage == null ? "" : stage.label(), errno);
        if (problem.isPresent()) {
            status.set(text.format("instructor.anyErrno.invalid", problem.get()));
            return false;
        }
        ((AnyErrno) demo(Fault.ANY_ERRNO)).choose(stage, Errno.byName(errno.trim().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
        return true;
    }

    private void run(Fault fault, Action action) {
        if (classroom == null) {
            status.set(text.get("instructor.status.noClassroom"));
            return;
        }
        Classroom room = classroom;
        FaultDemo demo = demo(fault);
        // one demonstration at a time: another one still set up is undone first, so settings never pile up
        java.util.List<FaultDemo> others = action != Action.SET_UP ? java.util.List.of()
                : demos.values().stream().filter(d -> d != demo && d.isSetUp()).toList();
        Task<Outcome> task = new Task<>() {
            private final StringBuilder lines = new StringBuilder();

            @Override
            protected Outcome call() throws Exception {
                Progress steps = line -> {
                    lines.append("• ").append(line).append('\n');
                    updateMessage(lines.toString());
                };
                for (FaultDemo other : others) {
                    steps.say("undoing " + other.fault().scenarioName() + " first");
                    other.undo(room, steps);
                }
                return switch (action) {
                    case SET_UP -> demo.setUp(room, steps);
                    case FOLLOW_UP -> demo.followUp(room, steps);
                    case UNDO -> demo.undo(room, steps);
                };
            }
        };
        task.setOnSucceeded(e -> finished(task, action == Action.UNDO ? undoText(task.getValue()) : resultText(task.getValue())));
        task.setOnFailed(e -> finished(task, text.format("instructor.status.failed", describe(task.getException()))));
        task.setOnCancelled(e -> finished(task, text.get("instructor.status.cancelled")));
        current = task;
        busy.set(true);
        status.set(text.get("instructor.status.running"));
        progress.unbind();
        progress.bind(task.messageProperty());
        background.execute(task);
    }

    private String resultText(Outcome o) {
        return text.format(o.shown() ? "instructor.status.shown" : "instructor.status.notShown", o.summary());
    }

    private String undoText(Outcome o) {
        return o.shown() ? text.format("instructor.status.shown", o.summary()) : o.summary();
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown" : t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private void finished(Task<Outcome> task, String result) {
        if (task == current) {
            String steps = progress.get();
            progress.unbind();
            progress.set(steps == null ? "" : steps);
            busy.set(false);
            status.set(result);
        }
        demos.forEach((f, d) -> {
            if (d.isSetUp()) {
                setUp.add(f);
            } else {
                setUp.remove(f);
            }
        });
        missingCheck.set(setUp.contains(Fault.UNCHECKED_SOCKET) ? Step.SOCKET : null);
    }

    /** Stops a running set-up (the window is closing; the session ends the thread it ran on). */
    public void shutdown() {
        if (current != null) {
            current.cancel(true);
        }
    }

    @Override
    public void reset() {
        lastFailure.set(text.get("instructor.lastFailure.none"));
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.CallReturned r && r.failed()) {
            lastFailure.set(text.format("instructor.lastFailure", r.actor().label() + ": " + r.straceText()));
        }
    }

    public ObservableList<Fault> faults() {
        return faults;
    }

    public ObjectProperty<Fault> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<FaultCard> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public StringProperty originTextProperty() {
        return originText;
    }

    public StringProperty badgeTextProperty() {
        return badgeText;
    }

    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated;
    }

    public ReadOnlyStringProperty followUpTextProperty() {
        return followUpText;
    }

    public ReadOnlyBooleanProperty followUpAvailableProperty() {
        return followUpAvailable;
    }

    public ReadOnlyBooleanProperty anyErrnoSelectedProperty() {
        return anyErrnoSelected;
    }

    public ObservableList<Step> choosableStages() {
        return choosableStages;
    }

    public ObjectProperty<Step> chosenStageProperty() {
        return chosenStage;
    }

    public ObservableList<String> errnoNames() {
        return errnoNames;
    }

    public StringProperty chosenErrnoProperty() {
        return chosenErrno;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty lastFailureProperty() {
        return lastFailure;
    }

    /** Faults that are set up and not undone yet. */
    public ObservableSet<Fault> setUpFaults() {
        return setUp;
    }

    /**
     * The stage whose error check the code panel should leave out while "forgot to check socket()" is set up
     * (Step.SOCKET), or null. The main window forwards it to the code panel's leaveOutCheck().
     */
    public ReadOnlyObjectProperty<Step> missingCheckProperty() {
        return missingCheck.getReadOnlyProperty();
    }
}
