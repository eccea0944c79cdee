package org.socketstage.tracer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.socketstage.event.StraceText;

/**
 * Reads the pointed-to arguments of a socket call from a stopped tracee and writes them as strace does:
 * buffers quoted with escapes, I/O vectors, message headers, option values, poll and select sets.
 */
final class ArgText {

    /** How many bytes of a buffer an event keeps. */
    static final int KEPT_BYTES = 4096;
    private static final int MAX_IOVECS = 16;
    private static final int MAX_POLLFDS = 16;

    /** One entry of an I/O vector. */
    record IoVec(long base, long length) {}

    private final TraceeMemory memory;

    ArgText(TraceeMemory memory) {
        this.memory = memory;
    }

    TraceeMemory memory() {
        return memory;
    }

    /** The first bytes of a buffer; {@code length} is a size_t, so -1 means "huge", not "nothing". */
    byte[] bytes(int pid, long address, long length) {
        long want = Long.compareUnsigned(length, KEPT_BYTES) > 0 ? KEPT_BYTES : length;
        byte[] b = memory.read(pid, address, want);
        return b == null ? new byte[0] : b;
    }

    static String quoted(byte[] data) {
        return StraceText.quote(data, 0, data.length, StraceText.DEFAULT_MAX);
    }

    SocketAddress address(int pid, long address, long length) {
        if (address == 0) {
            return null;
        }
        return SocketAddress.decode(memory.read(pid, address, Math.min(Math.max(length, 0), 128)));
    }

    /** A socklen_t the program passes by pointer: {@code [16]}. */
    String lengthCell(int pid, long address) {
        if (address == 0) {
            return "NULL";
        }
        OptionalInt v = memory.readInt(pid, address);
        return v.isPresent() ? "[" + v.getAsInt() + "]" : "...";
    }

    int length(int pid, long address) {
        return address == 0 ? 0 : memory.readInt(pid, address).orElse(0);
    }

    /** setsockopt's or getsockopt's value: {@code [1]} for an int, the bytes otherwise. */
    String optionValue(int pid, int name, long address, int length) {
        if (address == 0) {
            return "NULL";
        }
        if (length == 4) {
            OptionalInt v = memory.readInt(pid, address);
            return v.isPresent() ? "[" + v.getAsInt() + "]" : "...";
        }
        if (name == SocketNames.SO_LINGER && length == 8) {
            byte[] b = memory.read(pid, address, 8);
            if (b != null && b.length == 8) {
                return "{l_onoff=" + le32(b, 0) + ", l_linger=" + le32(b, 4) + "}";
            }
        }
        if (length > 0 && length <= 32) {
            byte[] b = memory.read(pid, address, length);
            return b == null ? "..." : quoted(b);
        }
        return "...";
    }

    static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    List<IoVec> ioVectors(int pid, long address, long count) {
        List<IoVec> list = new ArrayList<>();
        int n = (int) Math.min(Math.max(count, 0), MAX_IOVECS);
        byte[] raw = n == 0 ? null : memory.read(pid, address, n * 16L);
        for (int i = 0; raw != null && (i + 1) * 16 <= raw.length; i++) {
            list.add(new IoVec(le64(raw, i * 16), le64(raw, i * 16 + 8)));
        }
        return list;
    }

    /** The first {@code total} bytes spread over the vectors, as the kernel filled or took them. */
    byte[] gather(int pid, List<IoVec> vectors, long total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long left = Math.min(total, KEPT_BYTES);
        for (IoVec v : vectors) {
            if (left <= 0) {
                break;
            }
            long take = Math.min(left, v.length());
            byte[] b = memory.read(pid, v.base(), take);
            if (b != null) {
                out.write(b, 0, b.length);
            }
            left -= take;
        }
        return out.toByteArray();
    }

    /** {@code [{iov_base="hi\n", iov_len=3}]}; with data null the bases are not shown yet. */
    static String ioVectorText(List<IoVec> vectors, byte[] data) {
        StringBuilder sb = new StringBuilder("[");
        int offset = 0;
        for (int i = 0; i < vectors.size(); i++) {
            IoVec v = vectors.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{iov_base=");
            if (data == null) {
                sb.append("...");
            } else {
                int take = (int) Math.max(0, Math.min(v.length(), data.length - offset));
                byte[] part = java.util.Arrays.copyOfRange(data, offset, offset + take);
                sb.append(quoted(part));
                offset += take;
            }
            sb.append(", iov_len=").append(v.length()).append('}');
        }
        return sb.append(']').toString();
    }

    /** The vectors of a struct msghdr (sendmsg, recvmsg). */
    List<IoVec> messageVectors(int pid, long msghdr) {
        Long iov = memory.readLong(pid, msghdr + 16);
        Long count = memory.readLong(pid, msghdr + 24);
        return iov == null || count == null ? List.of() : ioVectors(pid, iov, count);
    }

    static String messageText(List<IoVec> vectors, byte[] data) {
        return "{msg_name=NULL, msg_namelen=0, msg_iov=" + ioVectorText(vectors, data) + ", msg_iovlen="
                + vectors.size() + ", msg_controllen=0, msg_flags=0}";
    }

    /** poll's set: {@code [{fd=3, events=POLLIN}]}, and the descriptors in it. */
    String pollSet(int pid, long address, long count, List<Integer> fds) {
        int n = (int) Math.min(Math.max(count, 0), MAX_POLLFDS);
        byte[] raw = n == 0 ? null : memory.read(pid, address, n * 8L);
        if (raw == null) {
            return "...";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; (i + 1) * 8 <= raw.length; i++) {
            int fd = le32(raw, i * 8);
            int events = (raw[i * 8 + 4] & 0xff) | (raw[i * 8 + 5] & 0xff) << 8;
            fds.add(fd);
            sb.append(i > 0 ? ", " : "").append("{fd=").append(fd).append(", events=")
                    .append(SocketNames.pollEvents(events)).append('}');
        }
        return sb.append(count > n ? ", ...]" : "]").toString();
    }

    /** select's fd_set: {@code [3 4]}. */
    String fdSet(int pid, long address, int nfds, List<Integer> fds) {
        if (address == 0) {
            return "NULL";
        }
        int bytes = Math.min(1024, (Math.max(nfds, 0) + 63) / 64 * 8);
        byte[] raw = memory.read(pid, address, bytes);
        if (raw == null) {
            return "...";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int fd = 0; fd < nfds && fd / 8 < raw.length; fd++) {
            if ((raw[fd / 8] & (1 << (fd % 8))) != 0) {
                fds.add(fd);
                sb.append(sb.length() > 1 ? " " : "").append(fd);
            }
        }
        return sb.append(']').toString();
    }

    String timespec(int pid, long address) {
        if (address == 0) {
            return "NULL";
        }
        Long sec = memory.readLong(pid, address);
        Long nsec = memory.readLong(pid, address + 8);
        return sec == null || nsec == null ? "..." : "{tv_sec=" + sec + ", tv_nsec=" + nsec + "}";
    }

    static long le64(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }
}
