package org.socketstage.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.settings.PacingMode;

/**
 * A short send, for real: a client sends a lot and does not read the echo. The server sends as a non-blocking
 * server does (MSG_DONTWAIT), so when its send buffer fills, the kernel takes only part of a send() and returns
 * that count, then EAGAIN; the send-all loop waits in poll() for room. When the client reads again, the loop
 * sends the rest and every byte arrives. A blocking send() would simply wait instead: that is why a short count
 * is rare with blocking sockets (a signal or SO_SNDTIMEO), and why every server still needs the loop.
 */
final class PartialSend extends FaultDemo {

    /** Far more than a loopback socket's buffers hold while the client does not read. */
    static final int BYTES = 2 << 20;
    /** The client's small receive buffer, so the server's side fills soon. */
    static final int CLIENT_RCVBUF = 4096;
    /** How long the client does not read after the server's send came back short. */
    static final Duration NOT_READING = Duration.ofSeconds(2);
    private static final Duration FLOW = Duration.ofSeconds(30);
    /** Read at a time while no short send has been seen: a slice of what the buffers hold. */
    static final int BURST = 128 * 1024;
    /** The pause after each burst, for the server to fill its send buffer again. */
    static final Duration REFILL_PAUSE = Duration.ofMillis(250);
    /** At most this many bursts before the client reads the rest at full speed. */
    static final int REFILLS = 12;

    @Override
    public Fault fault() {
        return Fault.PARTIAL_SEND;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        rig.room.faults().setSendWithoutWaiting(true);
        if (rig.room.gate().mode() != PacingMode.LIVE) {
            rig.room.gate().setMode(PacingMode.LIVE);
            rig.say("live pacing: about a thousand echoes are coming (Undo puts the pacing back)");
        }
        rig.say("the server now sends with MSG_DONTWAIT, as a non-blocking server does");
        rig.restartServer();
        if (!rig.awaitAccepting()) {
            return Outcome.notShown("the server did not start; see the log");
        }
        int port = rig.serverPort();
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(CLIENT_RCVBUF);
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            client.setSoTimeout((int) FLOW.toMillis());
            rig.say("a client with a " + CLIENT_RCVBUF + "-byte receive buffer sends " + BYTES / 1024
                    + " KiB and reads nothing back");
            Thread writer = sender(client);
            Optional<CallReturned> full = rig.await(CallReturned.class,
                    r -> r.actor().kind() == Actor.Kind.CONNECTION && r.stage() == Step.SEND
                            && (isShort(r) || Rig.failedWith(r, "EAGAIN", "EWOULDBLOCK")),
                    FLOW);
            if (full.isEmpty()) {
                return Outcome.notShown("the server's send buffer never filled in " + FLOW.toSeconds() + " s ("
                        + rig.seen(CallReturned.class, r -> r.call().equals("recv")).size() + " recv() and "
                        + rig.seen(CallReturned.class, r -> r.call().equals("send")).size() + " send() calls); see the log");
            }
            rig.say("server: " + Rig.describe(full.get()) + "; the loop now waits in poll() for room");
            Thread.sleep(NOT_READING.toMillis());
            rig.say("the client reads again, " + BURST / 1024 + " KiB at a time until a send() comes back short,"
                    + " then the rest");
            long got = readUntilShortSend(rig, client.getInputStream());
            got += readAll(client.getInputStream(), BYTES - got);
            writer.join(FLOW.toMillis());
            List<CallReturned> shortSends = rig.seen(CallReturned.class, PartialSend::isShort);
            List<CallReturned> waits = rig.seen(CallReturned.class, r -> r.call().equals("poll"));
            if (shortSends.isEmpty()) {
                return Outcome.notShown("every send() took all its bytes this time (" + waits.size()
                        + " waits in poll()); the client got " + got + " of " + BYTES + " bytes");
            }
            return Outcome.shown("server: " + Rig.describe(shortSends.get(0)) + " was one of " + shortSends.size()
                    + " short sends; the loop waited in poll() " + waits.size() + " times and sent the rest. The "
                    + "client got " + got + " of " + BYTES + " bytes" + (got == BYTES ? ": nothing lost." : "."));
        } catch (IOException e) {
            return Outcome.notShown("the demonstration's client failed: " + e.getMessage());
        }
    }

    /** A send() that returned fewer bytes than it was given (the loop adds a note saying so). */
    static boolean isShort(CallReturned r) {
        return r.stage() == Step.SEND && r.call().equals("send") && !r.failed() && r.note() != null
                && r.note().startsWith("partial send");
    }

    private static Thread sender(Socket client) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[16 * 1024];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) ('a' + i % 26);
            }
            try {
                OutputStream out = client.getOutputStream();
                for (int sent = 0; sent < BYTES; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, BYTES - sent));
                }
                client.shutdownOutput();
            } catch (IOException e) {
                // the reader sees the connection end too
            }
        }, "partial-send-client");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Reads a burst at a time, pausing between bursts so the server's send buffer fills again, until the kernel has
     * cut a send() short (or a few tries have passed). Whether the send that meets the full buffer comes back short
     * or fails with EAGAIN depends on where it meets it: the kernel fills the last queued segment before it checks
     * the buffer's limit for a new one, so a send() that starts just as a segment is full copies nothing and fails.
     * One fill can show only EAGAIN; each burst is another fill, and another chance for the cut.
     */
    private static long readUntilShortSend(Rig rig, InputStream in) throws InterruptedException {
        long got = 0;
        for (int burst = 0; burst < REFILLS && got < BYTES
                && rig.seen(CallReturned.class, PartialSend::isShort).isEmpty(); burst++) {
            long read = readAll(in, Math.min(BURST, BYTES - got));
            if (read == 0) {
                break;
            }
            got += read;
            Thread.sleep(REFILL_PAUSE.toMillis());
        }
        return got;
    }

    /** Reads until {@code limit} bytes have come, the connection ended, or the read timed out; the count read. */
    private static long readAll(InputStream in, long limit) {
        byte[] buf = new byte[64 * 1024];
        long got = 0;
        try {
            while (got < limit) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, limit - got));
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            // a timeout or a reset: what arrived is counted
        }
        return got;
    }
}
