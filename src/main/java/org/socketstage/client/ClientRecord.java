package org.socketstage.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.socketstage.kernel.TcpState;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/**
 * Everything the client panel knows about one client, rebuilt from events by {@link ClientTracker}. Read it on
 * the thread that feeds the tracker (the FX thread in the app).
 */
public final class ClientRecord {

    /** The most lines kept per list, so that a long echo session does not grow without end. */
    public static final int MAX_LINES = 400;

    private final int number;
    int fd = -1;
    long inode;
    SockAddrIn local;
    int kernelLocalPort;
    SockAddrIn target;
    ClientState state = ClientState.NOT_CONNECTED;
    Errno errno;
    String failedCall;
    String pendingCall;
    int acceptedBy = -1;
    TcpState ownRow;
    TcpState serverRow;
    boolean finSent;
    boolean finReceived;
    boolean lingerZero;
    boolean removed;
    long bytesSent;
    long bytesReceived;
    private final Deque<String> calls = new ArrayDeque<>();
    private final Deque<ChatLine> chat = new ArrayDeque<>();
    private final Deque<Segment> segments = new ArrayDeque<>();
    private int droppedLines;
    private long callsAdded;
    private long chatAdded;
    boolean peerClosedFirst;
    /** The server's recv() reported ECONNRESET; may be seen before this client's close() is published. */
    boolean serverSawReset;

    ClientRecord(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The open descriptor, or -1 before socket() returned and after close(). */
    public int fd() {
        return fd;
    }

    public SockAddrIn local() {
        return local;
    }

    /** The local port from getsockname(), or from the kernel's row while connect() still runs; 0 if unknown. */
    public int localPort() {
        return local != null ? local.port() : kernelLocalPort;
    }

    public SockAddrIn target() {
        return target;
    }

    public ClientState state() {
        return state;
    }

    /** The errno of the failed call, when the state is FAILED. */
    public Errno errno() {
        return errno;
    }

    public String failedCall() {
        return failedCall;
    }

    /** A call that has started and not returned yet, as strace writes its start, or null. */
    public String pendingCall() {
        return pendingCall;
    }

    /** The server's descriptor for this connection once accept() returned it, or -1. */
    public int acceptedBy() {
        return acceptedBy;
    }

    /** The client's own row in the kernel table (e.g. SYN_SENT, ESTABLISHED), or null when not seen. */
    public TcpState ownRow() {
        return ownRow;
    }

    /** The server side's row for this connection (SYN_RECV, ESTABLISHED, …), or null when not seen. */
    public TcpState serverRow() {
        return serverRow;
    }

    public boolean removed() {
        return removed;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /** Lines dropped from the front of the call, chat and segment lists because of {@link #MAX_LINES}. */
    public int droppedLines() {
        return droppedLines;
    }

    /** The client's calls with their real results, oldest first. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<ChatLine> chat() {
        return List.copyOf(chat);
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** "client #3 fd 7" — what the card and the diagram call this client. */
    public String title() {
        return "client #" + number + (fd >= 0 ? " fd " + fd : "");
    }

    void addCall(String line) {
        callsAdded++;
        add(calls, line);
    }

    void addChat(ChatLine line) {
        chatAdded++;
        add(chat, line);
    }

    /** How many call lines were ever added, so that a view can append only the new ones. */
    public long callsAdded() {
        return callsAdded;
    }

    public long chatAdded() {
        return chatAdded;
    }

    /** True when the client closed with SO_LINGER 0, so that its kernel sent RST instead of FIN. */
    public boolean abortedWithReset() {
        return lingerZero && state == ClientState.CLOSED;
    }

    /** True when the client closed because the server closed first (recv returned 0). */
    public boolean peerClosedFirst() {
        return peerClosedFirst;
    }

    void addSegment(Segment s) {
        add(segments, s);
    }

    /** Adds a note to the newest arrow of this kind, if there is one. */
    void noteLast(Segment.Kind kind, Segment.Note note) {
        Deque<Segment> newer = new ArrayDeque<>();
        while (!segments.isEmpty() && segments.peekLast().kind() != kind) {
            newer.push(segments.pollLast());
        }
        if (!segments.isEmpty()) {
            segments.addLast(segments.pollLast().withNote(note));
        }
        segments.addAll(newer);
    }

    boolean hasSegment(Segment.Kind kind, Segment.Direction direction) {
        return segments.stream().anyMatch(s -> s.kind() == kind && s.direction() == direction);
    }

    private <T> void add(Deque<T> list, T item) {
        list.addLast(item);
        if (list.size() > MAX_LINES) {
            list.removeFirst();
            droppedLines++;
        }
    }
}
