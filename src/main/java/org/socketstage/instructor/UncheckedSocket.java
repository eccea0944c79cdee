package org.socketstage.instructor;

import java.util.Optional;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/**
 * Forgot to check socket()'s result: socket() fails (simulated: running out of descriptors on purpose would
 * endanger the app), the program carries -1 on, setsockopt(-1, …) fails unchecked, and bind(-1, …) fails for
 * real with EBADF. The code panel shows that program (StageLines.checksLeftOut).
 */
final class UncheckedSocket extends FaultDemo {

    static final String SOCKET_ERRNO = "EMFILE";

    @Override
    public Fault fault() {
        return Fault.UNCHECKED_SOCKET;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        rig.room.faults().failNext(Step.SOCKET, Errno.byName(SOCKET_ERRNO).orElseThrow());
        rig.room.faults().setUncheckedSocket(true);
        rig.say("socket() will fail with EMFILE (simulated) and the program does not check: it goes on with fd -1");
        rig.restartServer();
        rig.serverCall(Step.SOCKET).ifPresent(r -> rig.say("server: " + Rig.describe(r)));
        Optional<CallReturned> bind = rig.serverCall(Step.BIND);
        if (bind.isEmpty()) {
            return Outcome.notShown("the server did not reach bind()");
        }
        if (!Rig.failedWith(bind.get(), "EBADF") || bind.get().simulated()) {
            return Outcome.notShown("unexpected: " + Rig.describe(bind.get()));
        }
        return Outcome.shown("server: " + Rig.describe(bind.get()) + ": the kernel has no descriptor -1 (setsockopt(-1) "
                + "failed the same way before, unchecked). The message blames bind() for what socket() did, and "
                + "socket()'s EMFILE is lost. The missing check is `if (listenfd == -1)` right after socket().");
    }
}
