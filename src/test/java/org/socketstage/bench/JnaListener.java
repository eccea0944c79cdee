package org.socketstage.bench;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import org.socketstage.socket.JnaQuickStart;

/**
 * The floor of the trace mode's start-up: a JVM that loads libc through JNA, as the app does (direct mapping),
 * and makes socket(), bind() and listen() on 127.0.0.1, nothing else (no options, no session, no output). Any
 * server whose system calls go through JNA starts no sooner; the start-up row shows it beside plain Java.
 *
 * <p>{@code java -cp ... org.socketstage.bench.JnaListener PORT}: listens until it is killed; accepts nothing.
 */
public final class JnaListener {

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;

    static {
        JnaQuickStart.apply(); // as the app does before JNA starts
        Native.register(JnaListener.class, NativeLibrary.getInstance("c"));
    }

    private static native int socket(int domain, int type, int protocol);

    private static native int bind(int fd, Memory address, int length);

    private static native int listen(int fd, int backlog);

    private JnaListener() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        Memory sin = new Memory(16);
        sin.clear();
        sin.setShort(0, (short) AF_INET); // sin_family, in the host's order
        sin.setByte(2, (byte) (port >> 8)); // sin_port, in network order
        sin.setByte(3, (byte) port);
        sin.setByte(4, (byte) 127); // sin_addr 127.0.0.1
        sin.setByte(7, (byte) 1);
        if (fd < 0 || bind(fd, sin, 16) != 0 || listen(fd, 128) != 0) {
            System.err.println("socket, bind or listen failed (errno " + Native.getLastError() + ")");
            System.exit(1);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
