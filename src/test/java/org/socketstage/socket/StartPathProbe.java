package org.socketstage.socket;

import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Run in a JVM of its own by {@link NativeStartPathTest}: makes a listening socket as the server does, says whether
 * the direct mapping was bound on the way, then serves an echo to a client of its own through libc's Functions and
 * another once the direct mapping is in use. Prints one line of {@code name=value} words.
 */
public final class StartPathProbe {

    private StartPathProbe() {}

    public static void main(String[] args) throws Exception {
        NativeSocketApi api = new NativeSocketApi();
        int fd = api.socket(SocketConstants.AF_INET, SocketConstants.SOCK_STREAM, 0);
        api.setsockopt(fd, SocketOption.SO_REUSEADDR, 1);
        api.bind(fd, SockAddrIn.loopback(0));
        int port = api.getsockname(fd).port();
        boolean boundBeforeListen = NativeSocketApi.directBindingStarted() || NativeSocketApi.directCallsInUse();
        api.listen(fd, 5);
        StringBuilder line = new StringBuilder("boundBeforeListen=" + boundBeforeListen);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            int connection = api.accept(fd).fd();
            OutputStream out = client.getOutputStream();
            out.write("ping\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[16];
            int n = api.recv(connection, buffer, buffer.length, 0);
            api.send(connection, buffer, 0, n, 0);
            InputStream in = client.getInputStream();
            byte[] back = in.readNBytes(n);
            line.append(" bindingStartedByListen=").append(NativeSocketApi.directBindingStarted())
                    .append(" echo=").append(new String(back, StandardCharsets.US_ASCII).strip());
            // then the same connection through the direct mapping, once it is in use
            await().atMost(Duration.ofSeconds(20)).until(NativeSocketApi::directCallsInUse);
            line.append(" directInUse=").append(NativeSocketApi.directCallsInUse());
            out.write("pong\n".getBytes(StandardCharsets.US_ASCII));
            n = api.recv(connection, buffer, buffer.length, 0);
            api.send(connection, buffer, 0, n, 0);
            line.append(" echo=").append(new String(in.readNBytes(n), StandardCharsets.US_ASCII).strip());
            api.close(connection);
        }
        api.close(fd);
        System.out.println(line);
    }
}
