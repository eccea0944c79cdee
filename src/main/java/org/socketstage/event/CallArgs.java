package org.socketstage.event;

import java.util.Objects;
import java.util.OptionalInt;
import org.socketstage.socket.SockAddrIn;

/**
 * A call's arguments: written as strace writes them only when someone reads the text, and carrying typed
 * facts (a listen() backlog, an SO_LINGER setting, a connect() target) that views need without parsing text.
 */
public sealed interface CallArgs {

    /** The argument list as strace writes it, e.g. {@code 3, 5} for listen. */
    String text();

    /** listen()'s backlog, when this is a listen call. */
    default OptionalInt backlog() {
        return OptionalInt.empty();
    }

    /** connect()'s target address, when this is a connect call. */
    default SockAddrIn target() {
        return null;
    }

    /** True when these are setsockopt(SO_LINGER) arguments turning lingering on with a 0 s timeout (abort). */
    default boolean lingerZero() {
        return false;
    }

    static CallArgs of(String text) {
        return new Text(text);
    }

    /**
     * recv()'s or send()'s arguments: {@code fd, "the bytes", length, flags}; with no bytes (a recv() not yet
     * filled) {@code fd, ..., length, flags}. The bytes shown are {@code data[from, from + count)}.
     */
    static Buffer buffer(int fd, byte[] data, int from, int count, int length, String flags) {
        return new Buffer(fd, data, from, count, length, flags);
    }

    static CallArgs listen(int fd, int backlog) {
        return new Listen(fd, backlog);
    }

    static CallArgs connect(int fd, SockAddrIn target) {
        return new Connect(fd, target);
    }

    static CallArgs linger(int fd, boolean on, int seconds) {
        return new Linger(fd, on, seconds);
    }

    record Text(String text) implements CallArgs {
        public Text {
            text = text == null ? "" : text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    record Listen(int fd, int backlogValue) implements CallArgs {
        @Override
        public String text() {
            return fd + ", " + backlogValue;
        }

        @Override
        public OptionalInt backlog() {
            return OptionalInt.of(backlogValue);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    record Connect(int fd, SockAddrIn address) implements CallArgs {
        @Override
        public String text() {
            return fd + ", " + (address == null ? "NULL" : address.straceText()) + ", 16";
        }

        @Override
        public SockAddrIn target() {
            return address;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    record Linger(int fd, boolean on, int seconds) implements CallArgs {
        @Override
        public String text() {
            return fd + ", SOL_SOCKET, SO_LINGER, {l_onoff=" + (on ? 1 : 0) + ", l_linger=" + seconds + "}, 8";
        }

        @Override
        public boolean lingerZero() {
            return on && seconds == 0;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * Not a record: the text is made on first use and kept, equality is by text, and a printer can write it
     * straight into a line's bytes ({@link #appendTo}) without making it at all.
     */
    final class Buffer implements CallArgs {
        private final int fd;
        private final byte[] data;
        private final int from;
        private final int count;
        private final int length;
        private final String flags;
        /** Made at most a few times even when threads race: every try makes the same text. */
        private String text;

        private Buffer(int fd, byte[] data, int from, int count, int length, String flags) {
            this.fd = fd;
            this.data = data;
            this.from = from;
            this.count = count;
            this.length = length;
            this.flags = Objects.requireNonNull(flags);
        }

        @Override
        public String text() {
            String t = text;
            if (t == null) {
                // written once into bytes and made a String once (not a quoted part, then the whole)
                LineBytes out = new LineBytes(Math.min(count, StraceText.DEFAULT_MAX) + 32 + flags.length());
                appendTo(out);
                t = out.toString();
                text = t;
            }
            return t;
        }

        /** How many bytes of data these arguments keep alive (the buffer they show a part of). */
        public int heldBytes() {
            return data == null ? 0 : data.length;
        }

        /** Writes {@link #text()} into {@code out}. */
        public void appendTo(LineBytes out) {
            String t = text;
            if (t != null) {
                out.append(t);
                return;
            }
            out.append(fd).ascii(',').ascii(' ');
            if (data == null) {
                out.append("...");
            } else {
                StraceText.appendQuoted(out, data, from, count, StraceText.DEFAULT_MAX);
            }
            out.ascii(',').ascii(' ').append(length).ascii(',').ascii(' ').append(flags);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CallArgs other && text().equals(other.text());
        }

        @Override
        public int hashCode() {
            return text().hashCode();
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
