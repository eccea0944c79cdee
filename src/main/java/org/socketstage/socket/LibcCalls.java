package org.socketstage.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * The libc calls of the native backend, however JNA binds them: one {@link com.sun.jna.Function} each
 * ({@link FunctionCalls}, ready as soon as libc is loaded) or the direct mapping ({@link DirectCalls}, quicker per
 * call, but about 30 ms to set up the first time). Each call throws {@link LastErrorException} with the errno when
 * it fails. Lengths travel as one-element int arrays (socklen_t *).
 */
interface LibcCalls {

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int setsockopt(int fd, int level, int name, int[] value, int valueLength) throws LastErrorException;

    /** For a struct timeval (SO_RCVTIMEO, SO_SNDTIMEO): two longs on the 64-bit systems we run on. */
    int setsockopt(int fd, int level, int name, long[] value, int valueLength) throws LastErrorException;

    int getsockopt(int fd, int level, int name, int[] value, int[] valueLength) throws LastErrorException;

    int bind(int fd, byte[] sockaddr, int addressLength) throws LastErrorException;

    int listen(int fd, int backlog) throws LastErrorException;

    int accept(int fd, byte[] sockaddr, int[] addressLength) throws LastErrorException;

    /** Into native memory: a Java array would be copied in and out whole on every call. */
    long recv(int fd, Pointer buffer, long length, int flags) throws LastErrorException;

    long send(int fd, Pointer buffer, long length, int flags) throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int connect(int fd, byte[] sockaddr, int addressLength) throws LastErrorException;

    int getsockname(int fd, byte[] sockaddr, int[] addressLength) throws LastErrorException;

    int getpeername(int fd, byte[] sockaddr, int[] addressLength) throws LastErrorException;

    /** nfds_t is unsigned long on Linux and unsigned int on macOS; a 64-bit register carries both. */
    int poll(byte[] pollfds, long count, int timeoutMillis) throws LastErrorException;

    /** The C library's text for an errno (glibc's is the same in every thread for a known number). */
    String strerror(int errnum);
}
