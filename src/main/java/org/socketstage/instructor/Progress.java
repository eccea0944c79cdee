package org.socketstage.instructor;

/** Told each step of a set-up as it happens, from the set-up's own thread. */
@FunctionalInterface
public interface Progress {

    Progress SILENT = line -> { };

    void say(String line);
}
