package org.socketstage.ui.lessons;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/** Engine event records for ViewModel tests, numbered like the bus numbers them. */
final class Ev {

    private static final AtomicLong SEQ = new AtomicLong(1000);

    private Ev() {}

    static ServerEvent.CallStarted started(Step stage) {
        return started(Actor.SERVER, stage);
    }

    static ServerEvent.CallStarted started(Actor actor, Step stage) {
        return new ServerEvent.CallStarted(SEQ.incrementAndGet(), Instant.now(), actor, stage, call(stage), "...");
    }

    static ServerEvent.CallReturned ok(Step stage, long result) {
        return new ServerEvent.CallReturned(SEQ.incrementAndGet(), Instant.now(), Actor.SERVER, stage, call(stage),
                "...", result, null, false, null, null, null, null, 3);
    }

    static ServerEvent.CallReturned failed(Step stage, String errno) {
        return new ServerEvent.CallReturned(SEQ.incrementAndGet(), Instant.now(), Actor.SERVER, stage, call(stage),
                "...", -1, Errno.byName(errno).orElseThrow(), false, null, null, null, null, 3);
    }

    /** A call of a client panel socket, e.g. a connect() the kernel refused. */
    static ServerEvent.CallReturned clientFailed(String call, Step stage, String errno) {
        return new ServerEvent.CallReturned(SEQ.incrementAndGet(), Instant.now(), Actor.client(7, null), stage, call,
                "...", -1, Errno.byName(errno).orElseThrow(), false, null, null, null, null, 3);
    }

    private static String call(Step stage) {
        return switch (stage) {
            case CLOSE_CLIENT, CLOSE_LISTENER -> "close";
            case SOCKADDR -> "sockaddr_in";
            default -> stage.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
