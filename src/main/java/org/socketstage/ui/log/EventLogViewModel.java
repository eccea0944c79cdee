package org.socketstage.ui.log;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import org.socketstage.record.EventSpool;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.ui.BatchedSink;
import org.socketstage.ui.text.UiText;

/**
 * The event log: the latest events as rows (at most {@code capacity}; older ones leave the view and are
 * counted), filtered by actor and "errors only", the row of the moment the history scrubber shows, copying
 * and exporting. Exports come from the {@link EventSpool}, which has every event of the session.
 */
public final class EventLogViewModel implements BatchedSink {

    public static final int DEFAULT_CAPACITY = 5_000;
    /** Per-actor entries in the filter list; past this, the "all connections" entry still covers the rest. */
    private static final int MAX_ACTOR_CHOICES = 100;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final UiText text;
    private final LogRows rowFactory;
    private final int capacity;
    private final ObservableList<LogRow> rows = FXCollections.observableArrayList();
    /** Rows of the batch being applied: the table gets them in one change, not one change (and layout) per event. */
    private final List<LogRow> pending = new ArrayList<>();
    private final FilteredList<LogRow> shownRows = new FilteredList<>(rows);
    private final ObservableList<ActorFilter> actorChoices = FXCollections.observableArrayList();
    private final Set<String> actorsListed = new HashSet<>();
    private final ActorFilter everyone;
    /** Everyone and each kind of actor: always in the list, in this order. */
    private final List<ActorFilter> kinds;
    private final ObjectProperty<ActorFilter> actorFilter = new SimpleObjectProperty<>();
    private final BooleanProperty errorsOnly = new SimpleBooleanProperty();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper moment = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exportAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private EventSpool spool;
    private final Executor background;

    /** @param background where exports run (the session's background thread), never the FX thread */
    public EventLogViewModel(UiText text, int capacity, Executor background) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the log must hold at least one row, was " + capacity);
        }
        this.text = text;
        this.background = background;
        this.rowFactory = new LogRows(text);
        this.capacity = capacity;
        this.everyone = ActorFilter.all(text.get("log.filter.all"));
        this.kinds = List.of(everyone,
                ActorFilter.kind(Actor.Kind.SERVER, text.get("log.filter.server")),
                ActorFilter.kind(Actor.Kind.CONNECTION, text.get("log.filter.connections")),
                ActorFilter.kind(Actor.Kind.KERNEL, text.get("log.filter.kernel")),
                ActorFilter.kind(Actor.Kind.CLIENT, text.get("log.filter.clients")));
        actorFilter.set(everyone);
        actorFilter.addListener((obs, old, now) -> refilter());
        errorsOnly.addListener((obs, old, now) -> refilter());
        exportStatus.set(text.get("log.export.unavailable"));
        reset();
    }

    public EventLogViewModel(UiText text, Executor background) {
        this(text, DEFAULT_CAPACITY, background);
    }

    @Override
    public void reset() {
        pending.clear();
        rows.clear();
        dropped.set(0);
        moment.set(-1);
        actorsListed.clear();
        // the list is trimmed, never replaced: replacing it would make the filter box drop its choice (blank)
        ActorFilter selected = actorFilter.get();
        if (actorChoices.isEmpty()) {
            actorChoices.setAll(kinds);
        }
        actorChoices.removeIf(f -> !kinds.contains(f) && !f.equals(selected));
        if (selected != null && selected.actorLabel() != null) {
            actorsListed.add(selected.actorLabel());
        }
    }

    @Override
    public void apply(ServerEvent event) {
        pending.add(rowFactory.of(event));
        Actor actor = event.actor();
        if ((actor.kind() == Actor.Kind.CONNECTION || actor.kind() == Actor.Kind.CLIENT)
                && actorsListed.size() < MAX_ACTOR_CHOICES && actorsListed.add(actor.label())) {
            actorChoices.add(ActorFilter.one(actor));
        }
    }

    /** Adds the batch's rows to the table at once; the oldest leave so that at most the capacity stays. */
    @Override
    public void publish() {
        if (pending.isEmpty()) {
            return;
        }
        long left = 0;
        List<LogRow> adding = pending;
        if (adding.size() > capacity) {
            left += adding.size() - capacity;
            adding = adding.subList(adding.size() - capacity, adding.size());
        }
        int excess = rows.size() + adding.size() - capacity;
        if (excess > 0) {
            rows.remove(0, excess);
            left += excess;
        }
        rows.addAll(adding);
        pending.clear();
        if (left > 0) {
            dropped.set(dropped.get() + left);
        }
    }

    private void refilter() {
        ActorFilter who = actorFilter.get() == null ? everyone : actorFilter.get();
        boolean errors = errorsOnly.get();
        shownRows.setPredicate(row -> who.matches(row.actor()) && (!errors || row.failed()));
    }

    /** Highlights the row of the moment the history scrubber shows. */
    public void showMoment(long seq) {
        moment.set(seq);
    }

    /** Back to the live view: no highlighted moment. */
    public void showLive() {
        moment.set(-1);
    }

    /** Index in {@link #shownRows()} of the moment's row, or of the last shown row before it; -1 if none. */
    public int shownIndexOfMoment() {
        long seq = moment.get();
        if (seq < 0) {
            return -1;
        }
        int lo = 0;
        int hi = shownRows.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (shownRows.get(mid).seq() <= seq) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    public static String timeText(Instant time) {
        return TIME.format(time);
    }

    /** The rows as text for the clipboard: one tab-separated line per row, in table order. */
    public String copyText(List<LogRow> selected) {
        return selected.stream().map(r -> r.toTabSeparated(timeText(r.time()))).collect(Collectors.joining("\n"));
    }

    /** Gives the log the spool to export from (the session owns it and deletes it at the end). */
    public void useSpool(EventSpool eventSpool) {
        this.spool = eventSpool;
        exportAvailable.set(eventSpool != null);
        exportStatus.set(eventSpool != null ? "" : text.get("log.export.unavailable"));
    }

    /** Says why exports cannot work, e.g. the temp folder could not be created. */
    public void spoolFailed(String reason) {
        useSpool(null);
        exportStatus.set(text.format("log.export.noSpool", reason));
    }

    /**
     * Writes every event of the session to {@code target} on the export thread, never the FX thread. The
     * status text says how it went. Returns the running task, or null when there is nothing to export from.
     */
    public Task<Long> export(EventSpool.Format format, Path target) {
        if (spool == null) {
            exportStatus.set(text.get("log.export.unavailable"));
            return null;
        }
        EventSpool from = spool;
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws Exception {
                return from.export(format, target);
            }
        };
        task.setOnSucceeded(e -> {
            exporting.set(false);
            exportStatus.set(text.format("log.export.done", Long.toString(task.getValue()), target.toString()));
        });
        task.setOnFailed(e -> {
            exporting.set(false);
            Throwable t = task.getException();
            exportStatus.set(text.format("log.export.failed", target.toString(),
                    t == null ? "?" : t.getMessage() == null ? t.toString() : t.getMessage()));
        });
        exporting.set(true);
        exportStatus.set(text.format("log.export.running", target.toString()));
        background.execute(task);
        return task;
    }

    /** The session ends the export work and deletes the spool; the view only forgets it. */
    public void shutdown() {
        spool = null;
        exportAvailable.set(false);
    }

    /** Every row the view holds, oldest first. */
    public ObservableList<LogRow> rows() {
        return rows;
    }

    /** The rows that pass the filters; the table shows these. */
    public ObservableList<LogRow> shownRows() {
        return shownRows;
    }

    public ObservableList<ActorFilter> actorChoices() {
        return actorChoices;
    }

    public ObjectProperty<ActorFilter> actorFilterProperty() {
        return actorFilter;
    }

    public BooleanProperty errorsOnlyProperty() {
        return errorsOnly;
    }

    /** Events that left the view because it holds at most {@link #capacity()} rows. */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public int capacity() {
        return capacity;
    }

    /** The seq of the moment shown by the scrubber, or -1 when live. */
    public ReadOnlyLongProperty momentProperty() {
        return moment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportAvailableProperty() {
        return exportAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public UiText text() {
        return text;
    }
}
