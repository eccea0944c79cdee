package org.socketstage.client;

import java.util.Map;
import org.socketstage.socket.Errno;

/** One plain sentence per errno a client meets, saying what happened and what to check. */
public final class ClientErrnoText {

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry("ECONNREFUSED", "Nothing listens on that port: the server's kernel answered the SYN with a"
                    + " reset. Start the server (it must have called listen()) or check the port."),
            Map.entry("ETIMEDOUT", "No answer arrived in time: the SYNs were dropped, for example because the"
                    + " server's accept queue is full or a firewall swallows them. Free a queue slot or check the"
                    + " address."),
            Map.entry("EHOSTUNREACH", "No route leads to that host: it is down or not on a reachable network."
                    + " Check the address and the cable or Wi-Fi."),
            Map.entry("ENETUNREACH", "This machine has no network that reaches that address. Check the address and"
                    + " the network settings."),
            Map.entry("EADDRNOTAVAIL", "The address cannot be used from this machine, or no local port is free."
                    + " Check the address."),
            Map.entry("ECONNRESET", "The other side reset the connection (RST): its program closed the socket"
                    + " abruptly or ended while data was unread."),
            Map.entry("EPIPE", "The connection is already closed, so there is nowhere to send to."),
            Map.entry("ENOTCONN", "The socket is not connected: call connect() first."),
            Map.entry("EISCONN", "The socket is already connected."),
            Map.entry("EALREADY", "A connect() on this socket is still running."),
            Map.entry("EMFILE", "This program has too many open files and sockets. Close some clients."),
            Map.entry("ENFILE", "The whole system has too many open files. Close some programs or sockets."),
            Map.entry("EBADF", "The descriptor is not open any more (it was already closed)."),
            Map.entry("EINVAL", "The kernel rejected an argument of this call in the socket's current state."));

    private ClientErrnoText() {}

    /** The sentence for this errno, or a general one naming the errno when the table has none. */
    public static String sentence(Errno errno) {
        String s = SENTENCES.get(errno.name());
        return s != null ? s : "The call failed with " + errno.straceText() + ".";
    }
}
