package org.socketstage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The anchor the engine is measured against: the plainest thread-per-client echo server Java offers
 * ({@code java.net.ServerSocket}, a blocking read and write per echo, nothing reported). Prints
 * {@code listening PORT} once it accepts.
 *
 * <p>{@code java -cp ... org.socketstage.bench.PlainEchoServer PORT [BACKLOG]}
 */
public final class PlainEchoServer {

    private PlainEchoServer() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            System.out.println("listening " + listener.getLocalPort());
            System.out.flush();
            while (true) {
                Socket s = listener.accept();
                Thread t = new Thread(() -> echo(s), "echo-" + s.getPort());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void echo(Socket s) {
        byte[] buffer = new byte[4096];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client went away
        }
    }
}
