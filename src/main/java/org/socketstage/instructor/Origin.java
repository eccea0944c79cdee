package org.socketstage.instructor;

/** Where a fault's failure comes from: the kernel itself, or SocketStage failing the call on purpose. */
public enum Origin {
    /** The kernel returns the errno, as it would for any server. */
    REAL,
    /** Failed at the step gate; the kernel is never asked. Labelled "simulated" wherever it shows. */
    SIMULATED,
    /** A simulated first failure whose consequence is real (socket() fails on purpose, bind(-1) fails for real). */
    SIMULATED_THEN_REAL,
    /** Real where this machine allows it, otherwise simulated, and the set-up says which and why. */
    REAL_WHERE_POSSIBLE
}
