package org.socketstage.kernel;

/**
 * One row of the kernel's TCP table. Addresses are shown as students know them ({@code 127.0.0.1},
 * or an IPv6 text form); {@code ipv6Table} says the row came from /proc/net/tcp6.
 * For a LISTEN row {@code rxQueue} is the number of connections waiting for accept().
 */
public record TcpSocketRow(
        TcpState state,
        String localHost,
        int localPort,
        String remoteHost,
        int remotePort,
        long txQueue,
        long rxQueue,
        long inode,
        boolean ipv6Table) {

    public String local() {
        return hostPort(localHost, localPort);
    }

    public String remote() {
        return hostPort(remoteHost, remotePort);
    }

    /** "127.0.0.1:9090", or "[::1]:9090" since an IPv6 address has colons of its own. */
    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
