// EchoServer.java - the same server in Java (java.nio). Comments name the system call underneath.
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

public final class EchoServer {

    public static void main(String[] args) throws IOException {
        ServerSocketChannel listener;
        try {
            listener = ServerSocketChannel.open();           // socket()
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);   // setsockopt()
        } catch (IOException e) {   // Java throws where C checks for -1
            System.err.println("socket: " + e.getMessage());
            return;
        }

        // sockaddr_in: Java builds the address itself. Its socket is usually IPv6 (AF_INET6) and takes IPv4 too:
        // the kernel lists it in /proc/net/tcp6, bound to ::ffff:127.0.0.1 (an IPv4-mapped IPv6 address)
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 9090);

        try {
            listener.bind(address, 5);   // bind() AND listen(5): one call in Java
        } catch (BindException e) {      // e.g. EADDRINUSE, EADDRNOTAVAIL
            System.err.println("bind: " + e.getMessage());
            listener.close();
            return;
        }

        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (listener.isOpen()) {
            SocketChannel client;
            try {
                client = listener.accept();                  // accept()
            } catch (IOException e) {
                System.err.println("accept: " + e.getMessage());
                continue;
            }
            try {
                while (true) {
                    buf.clear();
                    int n = client.read(buf);                // recv(); 0 from recv() is -1 here
                    if (n == -1) {
                        break;
                    }
                    buf.flip();
                    String text = StandardCharsets.US_ASCII.decode(buf.duplicate()).toString();
                    if (text.startsWith("exit")) {
                        break;
                    }
                    client.write(buf);                       // send()
                }
            } catch (IOException e) {   // recv() or send() failed
                System.err.println("recv/send: " + e.getMessage());
            }
            client.close();                                  // close(client)
        }

        listener.close();                                    // close(listener)
    }
}
