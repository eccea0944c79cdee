package org.socketstage.server;

import org.socketstage.settings.ServerConfig;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.Step;
import java.net.UnknownHostException;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketConstants;
import org.socketstage.socket.SocketOption;
import org.socketstage.socket.SyscallException;

/**
 * The first half of the server program: socket(), setsockopt(), filling sockaddr_in, bind() and listen(),
 * each checked as the C program checks it. Remembers the descriptor as soon as socket() returns it, so the
 * server can close it whichever later step fails.
 */
final class ListeningSocketSetup {

    /** A setup step failed and the program, having checked it, gives up. */
    static final class SetupFailed extends Exception {
        SetupFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final ServerConfig config;
    private final SocketApi api;
    private final CallTracer tracer;
    private final FaultPlan faults;
    private volatile int fd = -1;
    private volatile int boundPort = -1;

    ListeningSocketSetup(ServerConfig config, SocketApi api, CallTracer tracer, FaultPlan faults) {
        this.config = config;
        this.api = api;
        this.tracer = tracer;
        this.faults = faults;
    }

    /** The listening descriptor once socket() returned it, else -1. */
    int fd() {
        return fd;
    }

    /** The bound port (the kernel's pick for port 0), else -1. */
    int boundPort() {
        return boundPort;
    }

    /** Forgets the descriptor after it was closed. */
    void closed() {
        fd = -1;
    }

    /** Runs the steps up to and including listen(); returns the listening descriptor. */
    int open() throws SetupFailed, SyscallException {
        int fd = socketCall();
        this.fd = fd;
        if (config.reuseAddr()) {
            String args = fd + ", SOL_SOCKET, SO_REUSEADDR, [1], 4";
            try {
                tracer.call(Actor.SERVER, Step.SETSOCKOPT, "setsockopt", args, true,
                        () -> {
                            api.setsockopt(fd, SocketOption.SO_REUSEADDR, 1);
                            return 0;
                        }, r -> CallTracer.Report.of(0, args), args, null);
            } catch (SyscallException e) {
                if (!faults.uncheckedSocket()) {
                    throw new SetupFailed("setsockopt failed: " + e.errno().straceText());
                }
            }
        }
        SockAddrIn address = fillAddress();
        bind(fd, address);
        listen(fd);
        return fd;
    }

    private int socketCall() throws SetupFailed {
        String args = "AF_INET, SOCK_STREAM, 0";
        try {
            return tracer.call(Actor.SERVER, Step.SOCKET, "socket", args, true, api::socketTcp,
                    fd -> CallTracer.Report.of(fd, args).withNote(api.realFileDescriptors() ? null
                            : "a Java handle number, not a kernel file descriptor"), args, null);
        } catch (SyscallException e) {
            if (faults.uncheckedSocket()) {
                tracer.notice(Actor.SERVER, "socket() failed but its result is not checked: the program goes on with fd -1");
                return -1;
            }
            throw new SetupFailed("socket failed: " + e.errno().straceText());
        }
    }

    private SockAddrIn fillAddress() throws SetupFailed, SyscallException {
        SockAddrIn address;
        try {
            address = SockAddrIn.of(config.bindHost(), config.port());
        } catch (UnknownHostException e) {
            throw new SetupFailed("cannot fill sockaddr_in: " + config.bindHost() + " is not an IPv4 address or a host name that resolves to one");
        }
        String args = "sin_family=AF_INET, sin_port=htons(" + config.port() + "), sin_addr="
                + (address.isAny() ? "htonl(INADDR_ANY)" : "inet_addr(\"" + address.host() + "\")");
        byte[] bytes = address.structBytes();
        tracer.call(Actor.SERVER, Step.SOCKADDR, org.socketstage.event.StraceFormat.SOCKADDR_FILL, args, true, () -> address,
                a -> new CallTracer.Report(0, args, null, a, bytes, null),
                args, bytes);
        return address;
    }

    private void bind(int fd, SockAddrIn address) throws SetupFailed {
        String args = fd + ", " + address.straceText() + ", " + SocketConstants.SOCKADDR_IN_SIZE;
        byte[] bytes = address.structBytes();
        try {
            tracer.call(Actor.SERVER, Step.BIND, "bind", args, true,
                    () -> {
                        api.bind(fd, address);
                        return 0;
                    },
                    r -> new CallTracer.Report(0, args, null, address, bytes, api.fusesBindAndListen()
                            ? "prepared; Java binds and listens together at listen()" : null),
                    args, bytes);
        } catch (SyscallException e) {
            throw new SetupFailed("bind failed: " + e.errno().straceText());
        }
        if (!api.fusesBindAndListen()) {
            learnPort(fd);
        }
    }

    private void listen(int fd) throws SetupFailed {
        CallArgs args = CallArgs.listen(fd, config.backlog());
        try {
            tracer.call(Actor.SERVER, Step.LISTEN, "listen", args, true,
                    () -> {
                        api.listen(fd, config.backlog());
                        return 0;
                    },
                    r -> CallTracer.Report.of(0, args).withNote(api.fusesBindAndListen()
                            ? "Java's ServerSocketChannel.bind(address, backlog) did bind() and listen() here, in one call" : null),
                    args, null);
        } catch (SyscallException e) {
            throw new SetupFailed("listen failed: " + e.errno().straceText());
        }
        if (api.fusesBindAndListen()) {
            learnPort(fd);
        }
    }

    /** With port 0 the kernel picks the port; getsockname tells which. */
    private void learnPort(int fd) throws SetupFailed {
        if (config.port() != 0) {
            boundPort = config.port();
            return;
        }
        String args = fd + ", ..., [16]";
        try {
            SockAddrIn local = tracer.call(Actor.SERVER, Step.BIND, "getsockname", args, false,
                    () -> api.getsockname(fd),
                    a -> new CallTracer.Report(0, fd + ", " + a.straceText() + ", [16]", null, a, null,
                            "port 0 asks the kernel to pick a free port"),
                    args, null);
            boundPort = local.port();
        } catch (SyscallException e) {
            throw new SetupFailed("getsockname failed: " + e.errno().straceText());
        }
    }
}
