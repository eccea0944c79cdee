package org.socketstage.tracer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.socketstage.event.Actor;

/**
 * The traced program's processes and threads as the tracer thread knows them: who forked whom, which threads
 * share a process (and its descriptors), which have ended. Only {@link #livePids()} may be read from other
 * threads.
 */
final class Tracees {

    private final ProgramEvents events;
    private final Map<Integer, Task> tasks = new HashMap<>();
    private final Map<Integer, TracedProcess> processes = new HashMap<>();
    private final Set<Integer> livePids = ConcurrentHashMap.newKeySet();
    /** New tasks whose first stop came before their parent's fork event (the kernel does not order the two). */
    private final Set<Integer> earlyStops = new HashSet<>();

    Tracees(ProgramEvents events) {
        this.events = events;
    }

    Task addProgram(int pid) {
        TracedProcess p = new TracedProcess(pid, new FdTable(), true);
        p.liveTasks = 1;
        processes.put(pid, p);
        livePids.add(pid);
        Task t = new Task(pid, p);
        tasks.put(pid, t);
        return t;
    }

    Task get(int tid) {
        return tasks.get(tid);
    }

    boolean noProcessLeft() {
        return processes.isEmpty();
    }

    List<Task> all() {
        return new ArrayList<>(tasks.values());
    }

    /** A stop of a task the tracer has not heard of yet: its parent's fork event will follow. */
    void earlyStop(int tid) {
        earlyStops.add(tid);
    }

    /**
     * A fork or clone event: the new task is a thread of its parent's process (sharing its descriptors) or a
     * new process (with a copy of them). Returns the task, and whether it is already stopped and waits to be
     * resumed.
     */
    Task started(Task parent, int child, int event, boolean[] alreadyStopped) {
        boolean thread = event == Ptrace.EVENT_CLONE && ProcStat.tgid(child) == parent.pid();
        TracedProcess p = thread ? parent.process : new TracedProcess(child, parent.process.fds.copy(), false);
        if (!thread) {
            processes.put(child, p);
            livePids.add(child);
        }
        Task task = new Task(child, p);
        p.liveTasks++;
        tasks.put(child, task);
        // a server's workers are part of the story; a launcher script's helpers (forked before any socket) are not
        if (parent.process.fds.hasShownSocket()) {
            task.announced = true;
            p.announced = p.announced || !thread;
            events.notice(Actor.SERVER.inTask(parent.tid), thread ? "started thread " + child
                    : "forked: the new process is pid " + child);
        }
        alreadyStopped[0] = earlyStops.remove(child);
        return task;
    }

    /** After execve the task is inside the call's exit; a thread that execs takes over the leader's id. */
    void execed(Task t, int formerTid) {
        if (formerTid != t.tid && tasks.remove(formerTid) != null) {
            t.process.liveTasks--;
        }
        t.inSyscall = true;
        t.call = null;
        t.process.fds.forgetAll();
    }

    /** A task ended; returns its process when that was the process's last task, else null. */
    TracedProcess gone(Task t, WaitStatus ws) {
        tasks.remove(t.tid);
        TracedProcess p = t.process;
        p.liveTasks--;
        if (t.tid == p.tgid) {
            p.leaderStatus = ws;
        } else if (p.liveTasks > 0 && t.announced) {
            events.notice(Actor.SERVER.inTask(t.tid), "thread " + t.tid + " ended");
        }
        if (p.liveTasks > 0) {
            return null;
        }
        processes.remove(p.tgid);
        livePids.remove(p.tgid);
        if (p.leaderStatus == null) {
            p.leaderStatus = ws;
        }
        return p;
    }

    /** The program's processes still alive; safe from any thread. */
    Set<Integer> livePids() {
        return Set.copyOf(livePids);
    }
}
