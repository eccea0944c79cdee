package org.socketstage.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.ptr.IntByReference;

/**
 * The libc functions the native backend calls, mapped by JNA. Every call that can fail declares
 * {@link LastErrorException} so JNA hands us the real errno of that very call, per thread.
 *
 * <p>ssize_t and size_t are 64 bits wide on the 64-bit systems we run on, so they are mapped as long.
 * Structs travel as byte or int arrays: JNA copies arrays in before the call and back out after it.
 */
interface LibC extends Library {

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int setsockopt(int fd, int level, int name, int[] value, int valueLength) throws LastErrorException;

    int getsockopt(int fd, int level, int name, int[] value, IntByReference valueLength) throws LastErrorException;

    int bind(int fd, byte[] sockaddr, int addressLength) throws LastErrorException;

    int listen(int fd, int backlog) throws LastErrorException;

    int accept(int fd, byte[] sockaddr, IntByReference addressLength) throws LastErrorException;

    long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int connect(int fd, byte[] sockaddr, int addressLength) throws LastErrorException;

    int getsockname(int fd, byte[] sockaddr, IntByReference addressLength) throws LastErrorException;

    int getpeername(int fd, byte[] sockaddr, IntByReference addressLength) throws LastErrorException;

    /** nfds_t is unsigned long on Linux and unsigned int on macOS; a 64-bit register carries both. */
    int poll(byte[] pollfds, long count, int timeoutMillis) throws LastErrorException;

    /** fcntl is variadic; declaring the tail as varargs lets JNA pass it the way Apple's arm64 ABI wants. */
    int fcntl(int fd, int command, Object... argument) throws LastErrorException;

    String strerror(int errnum);
}
