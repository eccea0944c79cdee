package org.socketstage.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.socketstage.socket.SocketApi;

/**
 * Finds the inode of a socket descriptor through /proc/self/fd (Linux). The kernel's TCP table lists that inode
 * on the socket's row, which identifies a client's row exactly even while connect() is still in SYN_SENT and
 * getsockname() has not been called yet.
 */
final class SocketInode {

    private SocketInode() {}

    static OptionalLong of(SocketApi api, int fd) {
        if (!api.realFileDescriptors()) {
            return OptionalLong.empty();
        }
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return ClientNotices.inodeOf(link);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
