package org.socketstage.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Real-kernel tests need Linux's /proc/net/tcp; elsewhere they are skipped, not failed. */
final class LiveKernel {

    private LiveKernel() {
    }

    static void assumeAvailable() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc/net/tcp");
    }
}
