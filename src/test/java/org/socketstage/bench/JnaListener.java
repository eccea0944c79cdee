package org.socketstage.bench;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import org.socketstage.socket.JnaQuickStart;

/**
 * The floor of the trace mode's start-up: a JVM that loads libc through JNA, binds socket(), bind() and listen() the
 * quickest way JNA has (one {@link Function} each, as the app binds its calls on the way to listen(); the direct
 * mapping's first set-up took about 30 ms more), and makes them on 127.0.0.1, nothing else (no options, no session,
 * no output). Any server whose system calls go through JNA starts no sooner; the start-up row shows it beside plain
 * Java.
 *
 * <p>{@code java -cp ... org.socketstage.bench.JnaListener PORT}: listens until it is killed; accepts nothing.
 */
public final class JnaListener {

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;

    private JnaListener() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        JnaQuickStart.apply(); // as the app does before JNA starts
        NativeLibrary libc = NativeLibrary.getInstance("c");
        Function socket = libc.getFunction("socket");
        Function bind = libc.getFunction("bind");
        Function listen = libc.getFunction("listen");
        int fd = socket.invokeInt(new Object[] {AF_INET, SOCK_STREAM, 0});
        Memory sin = new Memory(16);
        sin.clear();
        sin.setShort(0, (short) AF_INET); // sin_family, in the host's order
        sin.setByte(2, (byte) (port >> 8)); // sin_port, in network order
        sin.setByte(3, (byte) port);
        sin.setByte(4, (byte) 127); // sin_addr 127.0.0.1
        sin.setByte(7, (byte) 1);
        if (fd < 0 || bind.invokeInt(new Object[] {fd, sin, 16}) != 0
                || listen.invokeInt(new Object[] {fd, 128}) != 0) {
            System.err.println("socket, bind or listen failed (errno " + Native.getLastError() + ")");
            System.exit(1);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
