package org.socketstage.ui.sockaddr;

import java.util.List;
import org.socketstage.socket.Platform;

/** A member of struct sockaddr_in and the bytes it occupies. */
public enum SockaddrField {
    SIN_LEN("sin_len"),
    SIN_FAMILY("sin_family"),
    SIN_PORT("sin_port"),
    SIN_ADDR("sin_addr"),
    SIN_ZERO("sin_zero");

    /** Where one member sits in the 16 bytes. */
    public record Span(SockaddrField field, int offset, int length) {}

    private final String cName;

    SockaddrField(String cName) {
        this.cName = cName;
    }

    /** The member's name as C code spells it. */
    public String cName() {
        return cName;
    }

    /** Linux has a 2-byte sin_family; BSD and macOS start with a 1-byte sin_len and a 1-byte sin_family. */
    public static List<Span> layout(Platform platform) {
        List<Span> tail = List.of(new Span(SIN_PORT, 2, 2), new Span(SIN_ADDR, 4, 4), new Span(SIN_ZERO, 8, 8));
        if (platform == Platform.MACOS) {
            return concat(List.of(new Span(SIN_LEN, 0, 1), new Span(SIN_FAMILY, 1, 1)), tail);
        }
        return concat(List.of(new Span(SIN_FAMILY, 0, 2)), tail);
    }

    private static List<Span> concat(List<Span> a, List<Span> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
