package org.socketstage.kernel;

/**
 * A process that holds a socket on a port: its pid, its command line (arguments joined by spaces) and the
 * kernel's row for the socket it holds.
 */
public record PortOwner(long pid, String commandLine, TcpSocketRow row) {

    public String describe() {
        return "pid " + pid + " (" + commandLine + ") " + row.state() + " " + row.local();
    }
}
