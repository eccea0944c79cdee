package org.socketstage.tracer.check;

/** One check of the battery: it launches the program afresh, does something to it, and judges. */
public interface Check {

    /** A short name: {@code echo}, {@code short-send}. */
    String id();

    /** What is checked, in a line. */
    String title();

    CheckResult run(CheckContext context);
}
