package org.socketstage.socket;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 socket address, able to show itself as the real 16-byte {@code struct sockaddr_in}:
 * family, port in network byte order (htons), address in network byte order, 8 bytes of zero padding.
 */
public record SockAddrIn(byte[] address, int port) {

    public static final byte[] INADDR_ANY = {0, 0, 0, 0};

    public SockAddrIn {
        if (address == null || address.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535, was " + port);
        }
        address = address.clone();
    }

    /** Builds the address from an IPv4 literal or a host name that resolves to IPv4. */
    public static SockAddrIn of(String host, int port) throws UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (a instanceof Inet4Address) {
                return new SockAddrIn(a.getAddress(), port);
            }
        }
        throw new UnknownHostException(host + " has no IPv4 address");
    }

    public static SockAddrIn loopback(int port) {
        return new SockAddrIn(new byte[] {127, 0, 0, 1}, port);
    }

    public static SockAddrIn any(int port) {
        return new SockAddrIn(INADDR_ANY, port);
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    public boolean isAny() {
        return Arrays.equals(address, INADDR_ANY);
    }

    /** Dotted quad, e.g. {@code 127.0.0.1}. */
    public String host() {
        return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }

    /** The port as htons() stores it: high byte first. */
    public byte[] portNetworkOrder() {
        return new byte[] {(byte) (port >>> 8), (byte) port};
    }

    /** The port as a little-endian host (x86, ARM) keeps it in memory: low byte first. */
    public byte[] portHostOrderLittleEndian() {
        return new byte[] {(byte) port, (byte) (port >>> 8)};
    }

    /** The struct exactly as the kernel receives it on the running platform. */
    public byte[] structBytes() {
        return structBytes(Platform.current());
    }

    public byte[] structBytes(Platform platform) {
        byte[] b = new byte[SocketConstants.SOCKADDR_IN_SIZE];
        if (platform == Platform.MACOS) {
            b[0] = SocketConstants.SOCKADDR_IN_SIZE; // sin_len
            b[1] = SocketConstants.AF_INET; // sin_family is one byte on BSD
        } else {
            // sa_family_t is a host-order unsigned short; all Linux hosts we run on are little-endian
            b[0] = SocketConstants.AF_INET;
            b[1] = 0;
        }
        b[2] = (byte) (port >>> 8);
        b[3] = (byte) port;
        System.arraycopy(address, 0, b, 4, 4);
        return b;
    }

    public static SockAddrIn fromStructBytes(byte[] b) {
        int port = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return new SockAddrIn(Arrays.copyOfRange(b, 4, 8), port);
    }

    /** strace's rendering: {@code {sa_family=AF_INET, sin_port=htons(9090), sin_addr=inet_addr("127.0.0.1")}}. */
    public String straceText() {
        return "{sa_family=AF_INET, sin_port=htons(" + port + "), sin_addr=inet_addr(\"" + host() + "\")}";
    }

    @Override
    public String toString() {
        return host() + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockAddrIn other && other.port == port && Arrays.equals(other.address, address);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + port;
    }
}
