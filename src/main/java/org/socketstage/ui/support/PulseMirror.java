package org.socketstage.ui.support;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * A copy of a ViewModel's list that a table or list view shows, brought up to date once per pulse instead
 * of on every change. Rows added at the end and rows dropped from the front (a growing, bounded log) are
 * applied as two small changes, which keeps the selection; any other change replaces the whole content.
 * The ViewModel stays a plain, immediately consistent list that tests can read; the control does its costly
 * reaction at most once per frame, however many events arrive.
 */
public final class PulseMirror<T> {

    private final ObservableList<T> source;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final OncePerPulse sync;
    private int droppedFromFront;
    private boolean replaceAll;

    public PulseMirror(Node owner, ObservableList<T> source) {
        this.source = source;
        this.items.setAll(source);
        this.sync = new OncePerPulse(owner, this::sync);
        source.addListener((ListChangeListener<T>) this::record);
    }

    /** The list to give the control. */
    public ObservableList<T> items() {
        return items;
    }

    private void record(ListChangeListener.Change<? extends T> c) {
        while (c.next()) {
            boolean appended = c.wasAdded() && !c.wasRemoved() && c.getTo() == c.getList().size();
            boolean droppedFirst = c.wasRemoved() && !c.wasAdded() && c.getFrom() == 0;
            if (droppedFirst) {
                droppedFromFront += c.getRemovedSize();
            } else if (!appended) {
                replaceAll = true;
            }
        }
        sync.request();
    }

    /** Applies what changed since the last pulse now; the views call this through the pulse. */
    public void sync() {
        if (replaceAll || droppedFromFront > items.size()) {
            items.setAll(source);
        } else {
            if (droppedFromFront > 0) {
                items.remove(0, droppedFromFront);
            }
            if (items.size() < source.size()) {
                items.addAll(source.subList(items.size(), source.size()));
            } else if (items.size() > source.size()) {
                items.setAll(source);
            }
        }
        replaceAll = false;
        droppedFromFront = 0;
    }
}
