package org.socketstage.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.socketstage.event.ServerEvent;

/**
 * Watches engine events and ticks off "Try it" tasks whose goals have all been met. Thread-safe: events may
 * arrive on any thread. Listeners are told outside the lock, on the thread that delivered the event, once
 * per task; a UI listener must hop to its own thread itself.
 */
public final class TaskTracker implements Consumer<ServerEvent> {

    /** Told once when a task becomes achieved; {@code by} is the event that completed it. */
    @FunctionalInterface
    public interface Listener {
        void achieved(TryItTask task, ServerEvent by);
    }

    private static final class Watch {
        final TryItTask task;
        final List<Goal.Progress> progress = new ArrayList<>();
        final boolean[] met;
        boolean achieved;

        Watch(TryItTask task) {
            this.task = task;
            task.goals().forEach(g -> progress.add(g.start()));
            this.met = new boolean[progress.size()];
        }

        /** Each goal may be met by a different event, in any order. */
        boolean offer(ServerEvent e) {
            boolean all = true;
            for (int i = 0; i < met.length; i++) {
                if (!met[i] && progress.get(i).offer(e)) {
                    met[i] = true;
                }
                all &= met[i];
            }
            return all;
        }
    }

    private final Map<String, Watch> watches = new LinkedHashMap<>();
    /** The watches in the tasks' order, for the loop every event goes through. */
    private Watch[] inOrder;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public TaskTracker(List<TryItTask> tasks) {
        for (TryItTask t : tasks) {
            if (watches.putIfAbsent(t.id(), new Watch(t)) != null) {
                throw new IllegalArgumentException("two tasks have the id " + t.id());
            }
        }
        this.inOrder = watches.values().toArray(new Watch[0]);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public void accept(ServerEvent event) {
        List<TryItTask> done = null; // made only when a task is achieved: every event of a class comes here
        synchronized (this) {
            for (Watch w : inOrder) {
                if (!w.achieved && w.offer(event)) {
                    w.achieved = true;
                    if (done == null) {
                        done = new ArrayList<>();
                    }
                    done.add(w.task);
                }
            }
        }
        if (done == null) {
            return;
        }
        for (TryItTask t : done) {
            for (Listener l : listeners) {
                l.achieved(t, event);
            }
        }
    }

    public synchronized boolean isAchieved(String taskId) {
        Watch w = watches.get(taskId);
        if (w == null) {
            throw new IllegalArgumentException("no task with the id " + taskId);
        }
        return w.achieved;
    }

    /** Ids of the achieved tasks, in the order the tasks were given. */
    public synchronized Set<String> achieved() {
        Set<String> ids = new LinkedHashSet<>();
        watches.forEach((id, w) -> {
            if (w.achieved) {
                ids.add(id);
            }
        });
        return ids;
    }

    public synchronized List<TryItTask> tasks() {
        return watches.values().stream().map(w -> w.task).toList();
    }

    /** Forgets all progress, e.g. when the student restarts a lesson. */
    public synchronized void reset() {
        watches.replaceAll((id, w) -> new Watch(w.task));
        inOrder = watches.values().toArray(new Watch[0]);
    }

    /** Forgets one task's progress, so it can be done again. */
    public synchronized void reset(String taskId) {
        Watch w = watches.get(taskId);
        if (w == null) {
            throw new IllegalArgumentException("no task with the id " + taskId);
        }
        watches.put(taskId, new Watch(w.task));
        inOrder = watches.values().toArray(new Watch[0]);
    }
}
