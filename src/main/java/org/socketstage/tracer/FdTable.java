package org.socketstage.tracer;

import java.util.HashMap;
import java.util.Map;

/**
 * The descriptors of one traced process, as far as the tracer has seen them. Threads share their process's
 * table; fork() gives the child a copy, as the kernel does. Used only on the tracer thread.
 */
final class FdTable {

    private final Map<Integer, OpenFd> fds;

    FdTable() {
        this(new HashMap<>());
    }

    private FdTable(Map<Integer, OpenFd> fds) {
        this.fds = fds;
    }

    FdTable copy() {
        return new FdTable(new HashMap<>(fds));
    }

    /** What is known about fd, or null when it has not been seen yet. */
    OpenFd get(int fd) {
        return fds.get(fd);
    }

    void put(int fd, OpenFd info) {
        fds.put(fd, info);
    }

    void remove(int fd) {
        fds.remove(fd);
    }

    void removeRange(long first, long last) {
        fds.keySet().removeIf(fd -> Integer.toUnsignedLong(fd) >= first && Integer.toUnsignedLong(fd) <= last);
    }

    /** After execve: descriptors marked close-on-exec are gone; the rest are looked up again when used. */
    void forgetAll() {
        fds.clear();
    }

    boolean hasShownSocket() {
        return fds.values().stream().anyMatch(OpenFd::shown);
    }
}
