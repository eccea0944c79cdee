package org.socketstage.lessons;

import java.util.OptionalLong;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.ServerEvent.KernelChanged;
import org.socketstage.event.ServerEvent.StateChanged;
import org.socketstage.event.ServerState;

/**
 * A machine-checkable goal of a "Try it" task, parsed by {@link GoalParser}. A goal looks only at engine
 * events, so it can be met only by something that really happened (or by a call SocketStage failed on purpose
 * and labelled simulated). {@link #start()} gives a fresh evaluator, because some goals count or compare with
 * what they saw first.
 */
public sealed interface Goal {

    /** The goal as written by the author, e.g. {@code call bind fails EADDRINUSE}. */
    String text();

    Progress start();

    /** Watches events for one task; once {@link #offer} returned true the goal stays met. */
    @FunctionalInterface
    interface Progress {
        boolean offer(ServerEvent event);
    }

    /** Some call ended the way described. */
    record CallGoal(String text, CallMatch match) implements Goal {
        @Override
        public Progress start() {
            return e -> e instanceof CallReturned r && match.matches(r);
        }
    }

    /** The number of matching calls reached the wanted count. */
    record CountGoal(String text, CallMatch match, Comparison compare, long value) implements Goal {
        @Override
        public Progress start() {
            long[] count = {0};
            return e -> {
                if (e instanceof CallReturned r && match.matches(r)) {
                    count[0]++;
                }
                return compare.test(count[0], value);
            };
        }
    }

    /** The LISTEN row's rx_queue: connections the kernel completed that accept() has not taken yet. */
    record AcceptQueueGoal(String text, Comparison compare, long value) implements Goal {
        @Override
        public Progress start() {
            return e -> e instanceof KernelChanged k && k.snapshot().available()
                    && k.snapshot().acceptQueue().isPresent()
                    && compare.test(k.snapshot().acceptQueue().getAsInt(), value);
        }
    }

    /** The number of kernel rows for the port in one TCP state. */
    record TcpStateGoal(String text, TcpState state, Comparison compare, long value) implements Goal {
        @Override
        public Progress start() {
            return e -> e instanceof KernelChanged k && k.snapshot().available()
                    && compare.test(k.snapshot().rowsIn(state).size(), value);
        }
    }

    /** TcpExt ListenOverflows grew after the first snapshot seen: the kernel dropped a connection attempt. */
    record ListenOverflowGoal(String text) implements Goal {
        @Override
        public Progress start() {
            long[] first = {-1};
            return e -> {
                if (!(e instanceof KernelChanged k)) {
                    return false;
                }
                KernelSnapshot s = k.snapshot();
                OptionalLong now = s.listenOverflows();
                if (!s.available() || now.isEmpty()) {
                    return false;
                }
                if (first[0] < 0) {
                    first[0] = now.getAsLong();
                    return false;
                }
                return now.getAsLong() > first[0];
            };
        }
    }

    /** The port of the server's LISTEN row, as the kernel shows it (what htons() put into sin_port). */
    record ListenPortGoal(String text, Comparison compare, long value) implements Goal {
        @Override
        public Progress start() {
            return e -> e instanceof KernelChanged k && k.snapshot().available()
                    && k.snapshot().listenRow().filter(r -> compare.test(r.localPort(), value)).isPresent();
        }
    }

    /**
     * Connections the server has accepted and not closed yet, counted from its calls: a successful accept()
     * opens one, close(client) ends one. An iterative server never holds more than one.
     */
    record OpenConnectionsGoal(String text, Comparison compare, long value) implements Goal {
        @Override
        public Progress start() {
            long[] open = {0};
            return e -> {
                if (e instanceof CallReturned r && r.actor() != null && r.actor().kind() != Actor.Kind.CLIENT) {
                    if (r.stage() == Step.ACCEPT && !r.failed()) {
                        open[0]++;
                    } else if (r.stage() == Step.CLOSE_CLIENT) {
                        open[0] = Math.max(0, open[0] - 1);
                    }
                }
                return compare.test(open[0], value);
            };
        }
    }

    /** The server as a whole reached a state, e.g. FAILED after bind failed. */
    record ServerStateGoal(String text, ServerState state) implements Goal {
        @Override
        public Progress start() {
            return e -> e instanceof StateChanged s && s.state() == state;
        }
    }
}
