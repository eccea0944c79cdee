package org.socketstage.client;

import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.EventBus;
import org.socketstage.event.ResultSource;
import org.socketstage.event.ServerEvent;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SyscallException;

/** Publishes one client's calls on the app's event bus, each as CallStarted then CallReturned. */
final class CallReporter {

    private final EventBus bus;

    CallReporter(EventBus bus) {
        this.bus = bus;
    }

    /** A call on its way: remembers when it started so that CallReturned can say how long it took. */
    final class Call {
        private final Actor actor;
        private final ClientCall call;
        private final long startNanos = System.nanoTime();

        private Call(Actor actor, ClientCall call) {
            this.actor = actor;
            this.call = call;
        }

        void returned(String args, long result) {
            returned(CallArgs.of(args), result);
        }

        void failed(String args, SyscallException e) {
            failed(CallArgs.of(args), e);
        }

        void returned(CallArgs args, long result) {
            returned(args, result, null, null, null);
        }

        void returned(CallArgs args, long result, byte[] data, SockAddrIn address, byte[] sockaddrBytes) {
            publishReturned(args, result, null, ResultSource.KERNEL, null, data, address, sockaddrBytes);
        }

        /** For calls that change who the actor is: socket() gives the fd, getsockname() the local address. */
        void returned(Actor newActor, CallArgs args, long result, SockAddrIn address, String note) {
            publish(newActor, args, result, null, ResultSource.KERNEL, note, null, address, null);
        }

        void failed(CallArgs args, SyscallException e) {
            failed(args, e, (SockAddrIn) null);
        }

        void failed(CallArgs args, SyscallException e, String note) {
            String both = e.note() == null ? note : note + "; " + e.note();
            publish(actor, args, -1, e.errno(), source(e), both, null, null, null);
        }

        void failed(CallArgs args, SyscallException e, SockAddrIn address) {
            publishReturned(args, -1, e.errno(), source(e), e.note(), null, address,
                    address == null ? null : address.structBytes());
        }

        private void publishReturned(CallArgs args, long result, Errno errno, ResultSource source, String note,
                byte[] data, SockAddrIn address, byte[] sockaddrBytes) {
            publish(actor, args, result, errno, source, note, data, address, sockaddrBytes);
        }

        private void publish(Actor who, CallArgs args, long result, Errno errno, ResultSource source, String note,
                byte[] data, SockAddrIn address, byte[] sockaddrBytes) {
            long micros = (System.nanoTime() - startNanos) / 1000;
            bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, who, call.stage(), call.callName(),
                    args, result, errno, source, note, data == null ? null : data.clone(), address,
                    sockaddrBytes, micros));
        }
    }

    Call started(Actor actor, ClientCall call, String args) {
        return started(actor, call, CallArgs.of(args));
    }

    Call started(Actor actor, ClientCall call, CallArgs args) {
        bus.publish((seq, time) -> new ServerEvent.CallStarted(seq, time, actor, call.stage(), call.callName(), args));
        return new Call(actor, call);
    }

    private static ResultSource source(SyscallException e) {
        return e.simulated() ? ResultSource.SIMULATED : ResultSource.KERNEL;
    }

    void notice(Actor actor, String text) {
        bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, actor, text));
    }
}
