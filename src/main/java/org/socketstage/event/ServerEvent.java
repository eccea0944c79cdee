package org.socketstage.event;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/**
 * Everything the engine reports. Immutable; {@code seq} is unique and increases in publishing order.
 */
public sealed interface ServerEvent {

    long seq();

    Instant time();

    Actor actor();

    /**
     * The server is about to make a call. {@code args} is the argument list as strace writes it
     * (a recv buffer that is not filled yet shows as {@code ...}).
     */
    record CallStarted(long seq, Instant time, Actor actor, Step stage, String call, CallArgs args)
            implements ServerEvent {

        public CallStarted(long seq, Instant time, Actor actor, Step stage, String call, String args) {
            this(seq, time, actor, stage, call, CallArgs.of(args));
        }
    }

    /** The pacing gate holds the call announced by the matching CallStarted until step() or resume(). */
    record CallHeld(long seq, Instant time, Actor actor, Step stage, String call, String reason)
            implements ServerEvent {}

    /**
     * A call returned. {@code result} is the return value, or -1 with {@code errno} set. {@code data} holds the
     * bytes sent or received (a copy), {@code address} the address involved (bind's, or the peer accept returned),
     * {@code sockaddrBytes} the 16 bytes of struct sockaddr_in passed to the kernel, when the call took one.
     * {@code note} says anything the student should know about how the result came about (e.g. that Java
     * fuses bind and listen); {@code source} says whether the kernel gave the result or SocketStage made it up
     * (simulated for our server, injected for a traced program).
     */
    record CallReturned(
            long seq,
            Instant time,
            Actor actor,
            Step stage,
            String call,
            CallArgs args,
            long result,
            Errno errno,
            ResultSource source,
            String note,
            byte[] data,
            SockAddrIn address,
            byte[] sockaddrBytes,
            long durationMicros) implements ServerEvent {

        public CallReturned {
            source = source == null ? ResultSource.KERNEL : source;
        }

        public CallReturned(long seq, Instant time, Actor actor, Step stage, String call, String args, long result,
                Errno errno, boolean simulated, String note, byte[] data, SockAddrIn address, byte[] sockaddrBytes,
                long durationMicros) {
            this(seq, time, actor, stage, call, CallArgs.of(args), result, errno,
                    simulated ? ResultSource.SIMULATED : ResultSource.KERNEL, note, data, address, sockaddrBytes,
                    durationMicros);
        }

        public boolean failed() {
            return errno != null;
        }

        /** SocketStage failed our own server's call without calling the kernel. */
        public boolean simulated() {
            return source == ResultSource.SIMULATED;
        }

        /** The tracer skipped a traced program's call and gave it this result. */
        public boolean injected() {
            return source == ResultSource.INJECTED;
        }

        /** {@code bind(3, {...}, 16) = 0} or {@code ... = -1 EADDRINUSE (Address already in use)}. */
        public String straceText() {
            return appendStraceText(new StringBuilder(96)).toString();
        }

        /** Appends {@link #straceText()} to {@code sb}; returns it. */
        public StringBuilder appendStraceText(StringBuilder sb) {
            sb.append(call).append('(').append(args.text()).append(") = ");
            if (failed()) {
                sb.append("-1 ").append(errno.straceText());
            } else {
                sb.append(result);
            }
            if (source.madeUp()) {
                sb.append(" [").append(source.label()).append(']');
            }
            return sb;
        }

        /**
         * Writes {@link #straceText()} into a line's bytes; a recv's or send's arguments are written from their
         * bytes, without making their text as a String (the trace mode's lines and the spool's JSON and strace
         * lines use it).
         */
        public LineBytes appendStraceText(LineBytes out) {
            out.append(call).ascii('(');
            if (args instanceof CallArgs.Buffer b) {
                b.appendTo(out);
            } else {
                out.append(args.text());
            }
            out.ascii(')').ascii(' ').ascii('=').ascii(' ');
            if (failed()) {
                out.append("-1 ").append(errno.straceText());
            } else {
                out.append(result);
            }
            if (source.madeUp()) {
                out.append(" [").append(source.label()).ascii(']');
            }
            return out;
        }
    }

    /** The server as a whole changed state. {@code detail} explains, e.g. which call failed. */
    record StateChanged(long seq, Instant time, Actor actor, ServerState state, String detail)
            implements ServerEvent {}

    /** The kernel's view of the server's port changed. */
    record KernelChanged(long seq, Instant time, Actor actor, KernelSnapshot snapshot) implements ServerEvent {}

    /** Something worth telling that is not a call, e.g. a connection left in the queue because of the limit. */
    record Notice(long seq, Instant time, Actor actor, String text) implements ServerEvent {}

    /**
     * The settings the next server run will use changed. {@code byUser} is false for a demonstration's set-up,
     * which the app never remembers.
     */
    record SettingsChanged(long seq, Instant time, Actor actor, ServerConfig config, boolean byUser)
            implements ServerEvent {}

    /** The step gate's pacing changed: mode, run-mode delay, pause, or the breakpoints. */
    record PacingChanged(long seq, Instant time, Actor actor, PacingMode mode, long delayMillis, boolean paused,
            Set<Step> breakpoints) implements ServerEvent {

        public PacingChanged {
            breakpoints = breakpoints.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(breakpoints));
        }
    }
}
