package org.socketstage.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;

/**
 * The one libc function the native backend cannot bind by direct mapping ({@link DirectLibC}): fcntl, which is
 * variadic. JNA's interface mapping passes a varargs tail the way each platform's ABI wants (Apple's arm64 puts it
 * on the stack), at the cost of a proxy class made at run time; so this is loaded on first use, by the client's
 * timed connect, never on the way to a listening server.
 */
interface LibC extends Library {

    /** The tail is declared as varargs so that JNA passes it as a variadic argument. */
    int fcntl(int fd, int command, Object... argument) throws LastErrorException;
}
