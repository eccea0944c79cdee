package org.socketstage.client;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Notice texts a client publishes besides its calls. The client panel rebuilds every card from the event
 * stream (so that the history scrubber can replay it), which is why the few notices it needs to read back have
 * a fixed form that is defined here, next to the code that reads them.
 */
public final class ClientNotices {

    private static final Pattern NUMBER = Pattern.compile("^client #(\\d+)");
    static final String PEER_CLOSED = "recv returned 0: the server closed its side, so the client closes too";
    private static final Pattern INODE = Pattern.compile("socket:\\[(\\d+)]");

    private ClientNotices() {}

    static String inode(int fd, long inode) {
        return "the kernel knows this socket as inode " + inode + " (/proc/self/fd/" + fd + " -> socket:[" + inode
                + "]); its row in /proc/net/tcp carries the same inode";
    }

    static String connectFailed(String errnoName, String sentence) {
        return "connect failed with " + errnoName + ": " + sentence;
    }

    /** The note on a client's socket() result: which card of the panel the new descriptor belongs to. */
    static String numberNote(int number) {
        return "client #" + number + " of the client panel";
    }

    static String removed(int number) {
        return "client #" + number + " removed from the panel";
    }

    public static boolean isRemoved(String text) {
        return text != null && text.endsWith(" removed from the panel") && numberOf(text).isPresent();
    }

    /** The client number a socket() note or a removal notice names. */
    public static OptionalInt numberOf(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher m = NUMBER.matcher(text);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    public static boolean isPeerClosed(String text) {
        return PEER_CLOSED.equals(text);
    }

    /** The inode named in an inode notice. */
    public static OptionalLong inodeOf(String text) {
        Matcher m = INODE.matcher(text);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
