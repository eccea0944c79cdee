package org.socketstage.tracer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small reads of /proc/PID: a process's state letter, its thread group, its executable. */
final class ProcStat {

    private ProcStat() {}

    /** The state letter of /proc/PID/stat (R, S, T, t, Z…), or null when the process is gone. */
    static String state(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() ? null : stat.substring(close + 2, close + 3);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The thread group (process id) a task belongs to, or -1. */
    static int tgid(int tid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(tid), "status"))) {
                if (line.startsWith("Tgid:")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    static String exe(int pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe")).toString();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The parent of a process, or -1. */
    static int parent(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(after[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
