package org.socketstage.tracer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/**
 * Turns the raw registers of a socket call into what the stage shows: which step of the server flow it is,
 * who made it (the listening side or one connection, in which process or thread), its arguments as strace
 * writes them, and what it returned. Keeps each process's descriptor table up to date on the way, so that a
 * read() or write() is shown only when its descriptor is a socket. Runs on the tracer thread.
 */
final class CallDecoder {

    /** A shown call's outcome, ready to publish. */
    record Returned(long result, Errno errno, CallArgs args, byte[] data, SockAddrIn address, byte[] sockaddrBytes,
            String note) {}

    private final ArgText text;
    private final ProcFds proc;

    CallDecoder(ArgText text, ProcFds proc) {
        this.text = text;
        this.proc = proc;
    }

    void rememberOutputs(int pid) {
        proc.rememberOutputs(pid);
    }

    /** Decodes a call at its entry stop; null when the tracer has nothing to do at its exit. */
    TracedCall entry(Task t, Syscall s, long[] a) {
        return switch (s) {
            case SOCKET -> {
                int family = (int) a[0];
                boolean shown = family == SocketNames.AF_INET || family == SocketNames.AF_INET6;
                CallArgs args = CallArgs.of(SocketNames.family(family) + ", " + SocketNames.type((int) a[1]) + ", "
                        + SocketNames.protocol((int) a[2]));
                yield new TracedCall(t, s, a, shown, Step.SOCKET, listening(t, -1), args);
            }
            case DUP, DUP2, DUP3, CLOSE_RANGE -> followed(t, s, a);
            case FCNTL -> a[1] == SocketNames.F_DUPFD || a[1] == SocketNames.F_DUPFD_CLOEXEC ? followed(t, s, a) : null;
            default -> onDescriptor(t, s, a);
        };
    }

    private static TracedCall followed(Task t, Syscall s, long[] a) {
        return new TracedCall(t, s, a, false, null, null, null);
    }

    private TracedCall onDescriptor(Task t, Syscall s, long[] a) {
        int fd = (int) a[0];
        OpenFd info = known(t, fd);
        boolean shown = s.onAnyDescriptor() ? info.shown() : info.role() != OpenFd.Role.HIDDEN_SOCKET;
        if (s == Syscall.GETSOCKNAME && info.connection()) {
            shown = false; // Python asks this of every accepted socket; only the listener's port is news
        }
        if (!shown) {
            if (s == Syscall.WRITE && info.output() != null) {
                TracedCall c = followed(t, s, a);
                c.outputStream = info.output();
                c.outData = text.bytes(t.tid, a[1], a[2]);
                return c;
            }
            return s == Syscall.CLOSE ? followed(t, s, a) : null;
        }
        int pid = t.tid;
        TracedCall c;
        switch (s) {
            case BIND -> {
                SocketAddress addr = text.address(pid, a[1], a[2]);
                c = call(t, s, a, Step.BIND, listening(t, fd),
                        CallArgs.of(fd + ", " + (addr == null ? "NULL" : addr.text()) + ", " + a[2]));
                c.address = addr;
            }
            case CONNECT -> {
                SocketAddress addr = text.address(pid, a[1], a[2]);
                SockAddrIn target = addr == null ? null : addr.ipv4();
                CallArgs args = target != null && a[2] == 16 ? CallArgs.connect(fd, target)
                        : CallArgs.of(fd + ", " + (addr == null ? "NULL" : addr.text()) + ", " + a[2]);
                c = call(t, s, a, Step.ACCEPT, new Actor(Actor.Kind.CONNECTION, fd, target, t.tid), args);
                c.address = addr;
            }
            case LISTEN -> c = call(t, s, a, Step.LISTEN, listening(t, fd), CallArgs.listen(fd, (int) a[1]));
            case ACCEPT, ACCEPT4 -> c = call(t, s, a, Step.ACCEPT, listening(t, fd), CallArgs.of(fd + ", "
                    + (a[1] == 0 ? "NULL, NULL" : "..., " + text.lengthCell(pid, a[2])) + acceptFlags(s, a)));
            case SETSOCKOPT -> {
                int level = (int) a[1];
                int name = (int) a[2];
                CallArgs args;
                if (level == SocketNames.SOL_SOCKET && name == SocketNames.SO_LINGER && a[4] == 8) {
                    byte[] b = text.memory().read(pid, a[3], 8);
                    args = b != null && b.length == 8 ? CallArgs.linger(fd, ArgText.le32(b, 0) != 0, ArgText.le32(b, 4))
                            : CallArgs.of(fd + ", SOL_SOCKET, SO_LINGER, ..., 8");
                } else {
                    args = CallArgs.of(fd + ", " + SocketNames.level(level) + ", " + SocketNames.option(level, name)
                            + ", " + text.optionValue(pid, name, a[3], (int) a[4]) + ", " + (int) a[4]);
                }
                c = call(t, s, a, Step.SETSOCKOPT, actorFor(t, fd, info), args);
            }
            case GETSOCKOPT -> c = call(t, s, a, Step.SETSOCKOPT, actorFor(t, fd, info), CallArgs.of(fd + ", "
                    + SocketNames.level((int) a[1]) + ", " + SocketNames.option((int) a[1], (int) a[2]) + ", ..., "
                    + text.lengthCell(pid, a[4])));
            case GETSOCKNAME -> c = call(t, s, a, Step.BIND, listening(t, fd),
                    CallArgs.of(fd + ", ..., " + text.lengthCell(pid, a[2])));
            case RECVFROM -> c = call(t, s, a, Step.RECV, actorFor(t, fd, info), CallArgs.of(fd + ", ..., "
                    + Long.toUnsignedString(a[2]) + ", " + SocketNames.msgFlags((int) a[3]) + ", "
                    + (a[4] == 0 ? "NULL, NULL" : "..., " + text.lengthCell(pid, a[5]))));
            case READ -> c = call(t, s, a, Step.RECV, actorFor(t, fd, info),
                    CallArgs.of(fd + ", ..., " + Long.toUnsignedString(a[2])));
            case READV -> c = call(t, s, a, Step.RECV, actorFor(t, fd, info),
                    CallArgs.of(fd + ", " + ArgText.ioVectorText(text.ioVectors(pid, a[1], a[2]), null) + ", " + a[2]));
            case RECVMSG -> c = call(t, s, a, Step.RECV, actorFor(t, fd, info), CallArgs.of(fd + ", "
                    + ArgText.messageText(text.messageVectors(pid, a[1]), null) + ", " + SocketNames.msgFlags((int) a[2])));
            case SENDTO, WRITE -> {
                byte[] data = text.bytes(pid, a[1], a[2]);
                c = call(t, s, a, Step.SEND, actorFor(t, fd, info), CallArgs.of(sendText(s, a, data, a[2], null)));
                c.outData = data;
            }
            case WRITEV, SENDMSG -> {
                List<ArgText.IoVec> v = s == Syscall.WRITEV ? text.ioVectors(pid, a[1], a[2]) : text.messageVectors(pid, a[1]);
                byte[] data = text.gather(pid, v, v.stream().mapToLong(ArgText.IoVec::length).sum());
                String args = s == Syscall.WRITEV ? fd + ", " + ArgText.ioVectorText(v, data) + ", " + a[2]
                        : fd + ", " + ArgText.messageText(v, data) + ", " + SocketNames.msgFlags((int) a[2]);
                c = call(t, s, a, Step.SEND, actorFor(t, fd, info), CallArgs.of(args));
                c.outData = data;
            }
            case SHUTDOWN -> c = call(t, s, a, closeStep(info), actorFor(t, fd, info),
                    CallArgs.of(fd + ", " + SocketNames.shutdownHow((int) a[1])));
            case CLOSE -> c = call(t, s, a, closeStep(info), actorFor(t, fd, info), CallArgs.of(Integer.toString(fd)));
            default -> {
                return null;
            }
        }
        c.fdInfo = info;
        return c;
    }

    private static TracedCall call(Task t, Syscall s, long[] a, Step stage, Actor actor, CallArgs args) {
        return new TracedCall(t, s, a, true, stage, actor, args);
    }

    private static Step closeStep(OpenFd info) {
        return info.connection() ? Step.CLOSE_CLIENT : Step.CLOSE_LISTENER;
    }

    private static String acceptFlags(Syscall s, long[] a) {
        return s == Syscall.ACCEPT4 ? ", " + SocketNames.acceptFlags((int) a[3]) : "";
    }

    private static String sendText(Syscall s, long[] a, byte[] data, long length, String address) {
        String base = (int) a[0] + ", " + ArgText.quoted(data) + ", " + Long.toUnsignedString(length);
        if (s == Syscall.WRITE) {
            return base;
        }
        return base + ", " + SocketNames.msgFlags((int) a[3]) + ", "
                + (a[4] == 0 ? "NULL, 0" : (address == null ? "..." : address) + ", " + a[5]);
    }

    /** What the tracer knows about fd in this task's process, asking /proc the first time. */
    private OpenFd known(Task t, int fd) {
        OpenFd info = t.process.fds.get(fd);
        if (info == null) {
            info = proc.classify(t.tid, fd);
            if (fd >= 0) {
                t.process.fds.put(fd, info);
            }
        }
        return info;
    }

    private static Actor listening(Task t, int fd) {
        return new Actor(Actor.Kind.SERVER, fd, null, t.tid);
    }

    private static Actor actorFor(Task t, int fd, OpenFd info) {
        return info.connection() ? new Actor(Actor.Kind.CONNECTION, fd, info.peer(), t.tid) : listening(t, fd);
    }

    /** Decodes the exit stop and updates the descriptor table; null for calls that are not shown. */
    Returned exit(TracedCall c, long raw) {
        Errno errno = errno(raw);
        long result = errno == null ? raw : -1;
        FdTable fds = c.task.process.fds;
        long[] a = c.args;
        int pid = c.task.tid;
        switch (c.syscall) {
            case DUP, FCNTL -> copyFd(fds, (int) a[0], result);
            case DUP2, DUP3 -> copyFd(fds, (int) a[0], result);
            case CLOSE_RANGE -> {
                if (result == 0) {
                    fds.removeRange(Integer.toUnsignedLong((int) a[0]), Integer.toUnsignedLong((int) a[1]));
                }
            }
            case CLOSE -> fds.remove((int) a[0]);
            case SOCKET -> {
                if (result >= 0) {
                    fds.put((int) result, c.shown ? OpenFd.NEW_SOCKET : OpenFd.HIDDEN);
                }
            }
            case LISTEN -> {
                if (result == 0) {
                    fds.put((int) a[0], OpenFd.LISTENER);
                }
            }
            case CONNECT -> {
                if (result == 0 || errno != null && errno.name().equals("EINPROGRESS")) {
                    SocketAddress target = c.address;
                    fds.put((int) a[0], OpenFd.connected(target == null ? null : target.ipv4(),
                            target == null ? null : target.shortText()));
                }
            }
            default -> { }
        }
        if (!c.shown) {
            return null;
        }
        return shownExit(c, result, errno, fds, a, pid);
    }

    private Returned shownExit(TracedCall c, long result, Errno errno, FdTable fds, long[] a, int pid) {
        int fd = (int) a[0];
        boolean ok = errno == null;
        return switch (c.syscall) {
            case BIND -> {
                SocketAddress addr = c.address;
                boolean inet = addr != null && addr.ipv4() != null && addr.raw() != null && addr.raw().length == 16;
                yield new Returned(result, errno, c.entryArgs, null, addr == null ? null : addr.ipv4(),
                        inet ? addr.raw() : null, null);
            }
            case ACCEPT, ACCEPT4 -> {
                if (!ok) {
                    yield plain(result, errno, c.entryArgs);
                }
                SocketAddress peer = a[1] == 0 ? null : text.address(pid, a[1], text.length(pid, a[2]));
                SockAddrIn ipv4 = peer == null ? null : peer.ipv4();
                String peerText = peer == null ? null : peer.shortText();
                if (peer == null) {
                    var row = proc.connectionRow(pid, (int) result);
                    ipv4 = row.map(r -> ProcFds.ipv4(r.remoteHost(), r.remotePort())).orElse(null);
                    peerText = row.map(r -> r.remote()).orElse(null);
                }
                fds.put((int) result, OpenFd.accepted(ipv4, peerText));
                String args = fd + ", " + (peer == null ? "NULL, NULL" : peer.text() + ", " + text.lengthCell(pid, a[2]))
                        + acceptFlags(c.syscall, a);
                yield new Returned(result, null, CallArgs.of(args), null, ipv4, null, null);
            }
            case CONNECT -> new Returned(result, errno, c.entryArgs, null, c.address == null ? null : c.address.ipv4(),
                    null, null);
            case GETSOCKOPT -> {
                int length = text.length(pid, a[4]);
                yield plain(result, errno, CallArgs.of(fd + ", " + SocketNames.level((int) a[1]) + ", "
                        + SocketNames.option((int) a[1], (int) a[2]) + ", "
                        + (ok ? text.optionValue(pid, (int) a[2], a[3], length) : "...") + ", " + text.lengthCell(pid, a[4])));
            }
            case GETSOCKNAME -> {
                SocketAddress addr = ok ? text.address(pid, a[1], text.length(pid, a[2])) : null;
                yield new Returned(result, errno, CallArgs.of(fd + ", " + (addr == null ? "..." : addr.text()) + ", "
                        + text.lengthCell(pid, a[2])), null, addr == null ? null : addr.ipv4(), null, null);
            }
            case RECVFROM, READ, READV, RECVMSG -> received(c, result, errno, a, pid);
            case SENDTO, WRITE, WRITEV, SENDMSG -> sent(c, result, errno, a);
            default -> plain(result, errno, c.entryArgs);
        };
    }

    private Returned received(TracedCall c, long result, Errno errno, long[] a, int pid) {
        if (errno != null) {
            return plain(result, errno, c.entryArgs);
        }
        int fd = (int) a[0];
        byte[] data;
        String args;
        switch (c.syscall) {
            case RECVFROM -> {
                data = text.bytes(pid, a[1], result);
                SocketAddress from = a[4] == 0 ? null : text.address(pid, a[4], text.length(pid, a[5]));
                args = fd + ", " + ArgText.quoted(data) + ", " + Long.toUnsignedString(a[2]) + ", "
                        + SocketNames.msgFlags((int) a[3]) + ", "
                        + (a[4] == 0 ? "NULL, NULL" : (from == null ? "..." : from.text()) + ", " + text.lengthCell(pid, a[5]));
            }
            case READ -> {
                data = text.bytes(pid, a[1], result);
                args = fd + ", " + ArgText.quoted(data) + ", " + Long.toUnsignedString(a[2]);
            }
            default -> {
                List<ArgText.IoVec> v = c.syscall == Syscall.READV ? text.ioVectors(pid, a[1], a[2])
                        : text.messageVectors(pid, a[1]);
                data = text.gather(pid, v, result);
                args = c.syscall == Syscall.READV ? fd + ", " + ArgText.ioVectorText(v, data) + ", " + a[2]
                        : fd + ", " + ArgText.messageText(v, data) + ", " + SocketNames.msgFlags((int) a[2]);
            }
        }
        return new Returned(result, null, CallArgs.of(args), data, null, null, keptNote(data, result));
    }

    private Returned sent(TracedCall c, long result, Errno errno, long[] a) {
        byte[] offered = c.outData == null ? new byte[0] : c.outData;
        String note = null;
        if (c.askedLength >= 0) {
            note = "short send injected: the tracer let the kernel take " + a[2] + " of the " + c.askedLength
                    + " bytes asked for";
        }
        if (errno != null) {
            return new Returned(result, errno, c.entryArgs, null, null, null, note);
        }
        byte[] data = Arrays.copyOf(offered, (int) Math.min(offered.length, result));
        String kept = keptNote(data, result);
        return new Returned(result, null, c.entryArgs, data, null, null, note != null ? note : kept);
    }

    private static String keptNote(byte[] data, long result) {
        return result > data.length ? "the first " + data.length + " of " + result + " bytes are kept" : null;
    }

    private static Returned plain(long result, Errno errno, CallArgs args) {
        return new Returned(result, errno, args, null, null, null, null);
    }

    private static void copyFd(FdTable fds, int from, long to) {
        if (to < 0) {
            return;
        }
        OpenFd info = fds.get(from);
        if (info != null) {
            fds.put((int) to, info);
        } else {
            fds.remove((int) to);
        }
    }

    /** For poll, select and epoll_wait: the text of a notice that the program waits, or null when no socket is involved. */
    String waiting(Task t, Syscall s, long[] a) {
        int pid = t.tid;
        List<Integer> fds = new ArrayList<>();
        String call = switch (s) {
            case POLL -> "poll(" + text.pollSet(pid, a[0], a[1], fds) + ", " + a[1] + ", " + (int) a[2] + ")";
            case PPOLL -> "ppoll(" + text.pollSet(pid, a[0], a[1], fds) + ", " + a[1] + ", " + text.timespec(pid, a[2]) + ", ...)";
            case SELECT, PSELECT6 -> s.callName() + "(" + (int) a[0] + ", " + text.fdSet(pid, a[1], (int) a[0], fds) + ", "
                    + text.fdSet(pid, a[2], (int) a[0], fds) + ", " + text.fdSet(pid, a[3], (int) a[0], fds) + ", ...)";
            default -> s.callName() + "(" + (int) a[0] + ", ..., " + (int) a[2] + ", " + (int) a[3] + ")";
        };
        boolean sockets = s == Syscall.EPOLL_WAIT || s == Syscall.EPOLL_PWAIT || s == Syscall.EPOLL_PWAIT2
                ? t.process.fds.hasShownSocket()
                : fds.stream().anyMatch(fd -> known(t, fd).shown());
        return sockets ? "waits in " + call : null;
    }

    /** The errno of a raw result, or null for a success. Also names the kernel's restart codes strace shows. */
    static Errno errno(long raw) {
        if (raw >= 0 || raw < -4095) {
            return null;
        }
        int n = (int) -raw;
        return switch (n) {
            case 512 -> new Errno(n, "ERESTARTSYS", "To be restarted if SA_RESTART is set");
            case 513 -> new Errno(n, "ERESTARTNOINTR", "To be restarted");
            case 514 -> new Errno(n, "ERESTARTNOHAND", "To be restarted if no handler");
            case 516 -> new Errno(n, "ERESTART_RESTARTBLOCK", "Interrupted by signal");
            default -> Errno.of(n);
        };
    }
}
