package org.socketstage.event;

/**
 * Where a call's result came from. The kernel's answer is the normal case; a result SocketStage made up is
 * labelled wherever it appears: SIMULATED when our own server's call was failed without calling the kernel,
 * INJECTED when a traced program's call was skipped and given an error by the tracer.
 */
public enum ResultSource {
    KERNEL,
    SIMULATED,
    INJECTED;

    /** The word shown next to a made-up result, or empty for the kernel's own. */
    public String label() {
        return switch (this) {
            case KERNEL -> "";
            case SIMULATED -> "simulated";
            case INJECTED -> "injected";
        };
    }

    public boolean madeUp() {
        return this != KERNEL;
    }
}
