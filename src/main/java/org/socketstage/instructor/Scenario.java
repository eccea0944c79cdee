package org.socketstage.instructor;

/**
 * A preset that sets up a whole demonstration in one go, one per fault, named as the lessons and
 * {@code --scenario NAME} name it. Applying it runs the fault's set-up; keep the returned demo to undo it.
 */
public record Scenario(String name, Fault fault) {

    /**
     * Runs the demonstration on this classroom (blocking; never on the FX thread). Most scenarios start the
     * server themselves. Returns the demo, whose {@link FaultDemo#undo} puts the classroom back.
     */
    public Applied apply(Classroom room, Progress progress) throws InterruptedException {
        FaultDemo demo = fault.newDemo();
        Outcome outcome = demo.setUp(room, progress);
        return new Applied(demo, outcome);
    }

    /** What applying a scenario left behind: the demo (for follow-up and undo) and how the set-up went. */
    public record Applied(FaultDemo demo, Outcome outcome) {}
}
