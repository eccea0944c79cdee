package org.socketstage.socket;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One selector watching one channel, used by one thread at a time. A handle keeps two, one for the
 * incoming direction and one for the outgoing, so that a thread blocked in recv() never keeps another
 * thread's send() waiting, just as with a kernel socket.
 */
final class ChannelWatch {

    private final ReentrantLock inUse = new ReentrantLock();
    private volatile Selector selector;

    /**
     * Waits until one of the selection {@code ops} is ready and returns those ready, or 0 on timeout.
     * A negative timeout waits without limit; 0 only looks.
     */
    int await(SelectableChannel channel, int ops, long timeoutMillis) throws IOException {
        inUse.lock();
        try {
            if (selector == null) {
                selector = Selector.open();
                channel.register(selector, 0);
            }
            SelectionKey key = channel.keyFor(selector);
            key.interestOps(ops & channel.validOps());
            selector.selectedKeys().clear();
            if (timeoutMillis < 0) {
                selector.select();
            } else if (timeoutMillis == 0) {
                selector.selectNow();
            } else {
                selector.select(timeoutMillis);
            }
            return selector.selectedKeys().contains(key) ? key.readyOps() & ops : 0;
        } finally {
            inUse.unlock();
        }
    }

    /** Also wakes a thread blocked in {@link #await}, which then fails with ClosedSelectorException. */
    void close() throws IOException {
        Selector watching = selector;
        if (watching != null) {
            watching.close();
        }
    }
}
