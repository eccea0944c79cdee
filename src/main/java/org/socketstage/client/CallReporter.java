package org.socketstage.client;

import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
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
            returned(args, result, null, null, null);
        }

        void returned(String args, long result, byte[] data, SockAddrIn address, byte[] sockaddrBytes) {
            publishReturned(args, result, null, false, null, data, address, sockaddrBytes);
        }

        /** For calls that change who the actor is: socket() gives the fd, getsockname() the local address. */
        void returned(Actor newActor, String args, long result, SockAddrIn address, String note) {
            publish(newActor, args, result, null, false, note, null, address, null);
        }

        void failed(String args, SyscallException e) {
            failed(args, e, (SockAddrIn) null);
        }

        void failed(String args, SyscallException e, String note) {
            String both = e.note() == null ? note : note + "; " + e.note();
            publish(actor, args, -1, e.errno(), e.simulated(), both, null, null, null);
        }

        void failed(String args, SyscallException e, SockAddrIn address) {
            publishReturned(args, -1, e.errno(), e.simulated(), e.note(), null, address,
                    address == null ? null : address.structBytes());
        }

        private void publishReturned(String args, long result, Errno errno, boolean simulated, String note,
                byte[] data, SockAddrIn address, byte[] sockaddrBytes) {
            publish(actor, args, result, errno, simulated, note, data, address, sockaddrBytes);
        }

        private void publish(Actor who, String args, long result, Errno errno, boolean simulated, String note,
                byte[] data, SockAddrIn address, byte[] sockaddrBytes) {
            long micros = (System.nanoTime() - startNanos) / 1000;
            bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, who, call.stage(), call.callName(),
                    args, result, errno, simulated, note, data == null ? null : data.clone(), address,
                    sockaddrBytes, micros));
        }
    }

    Call started(Actor actor, ClientCall call, String args) {
        bus.publish((seq, time) -> new ServerEvent.CallStarted(seq, time, actor, call.stage(), call.callName(), args));
        return new Call(actor, call);
    }

    void notice(Actor actor, String text) {
        bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, actor, text));
    }
}
