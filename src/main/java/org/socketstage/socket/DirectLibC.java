package org.socketstage.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * libc's calls bound by JNA's direct mapping: each is a plain JNI call with the real errno captured, without the
 * interface proxy, reflection and boxing that an interface mapping costs on every call, and without the proxy class
 * such a mapping makes at run time (which no class archive can hold). Binding it the first time costs about 30 ms
 * (JNA's libffi type descriptors), so the native backend binds it on a thread of its own once its first socket is
 * there, and calls through {@link FunctionCalls} until then ({@link DirectCalls} is this class behind
 * {@link LibcCalls}). Only fcntl, variadic, which direct mapping cannot bind, is in {@link LibC}. Lengths travel as
 * one-element int arrays (socklen_t *).
 */
final class DirectLibC {

    private DirectLibC() {}

    /** Binds the methods below to libc; throws what JNA throws when that is impossible. */
    static void register() {
        Native.register(DirectLibC.class, NativeLibrary.getInstance("c"));
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, int[] value, int valueLength) throws LastErrorException;

    /** For a struct timeval (SO_RCVTIMEO, SO_SNDTIMEO): two longs on the 64-bit systems we run on. */
    static native int setsockopt(int fd, int level, int name, long[] value, int valueLength) throws LastErrorException;

    static native int getsockopt(int fd, int level, int name, int[] value, int[] valueLength) throws LastErrorException;

    static native int bind(int fd, byte[] sockaddr, int addressLength) throws LastErrorException;

    static native int listen(int fd, int backlog) throws LastErrorException;

    static native int accept(int fd, byte[] sockaddr, int[] addressLength) throws LastErrorException;

    /** Into native memory: a Java array would be copied in and out whole on every call. */
    static native long recv(int fd, Pointer buffer, long length, int flags) throws LastErrorException;

    static native long send(int fd, Pointer buffer, long length, int flags) throws LastErrorException;

    static native int shutdown(int fd, int how) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int connect(int fd, byte[] sockaddr, int addressLength) throws LastErrorException;

    static native int getsockname(int fd, byte[] sockaddr, int[] addressLength) throws LastErrorException;

    static native int getpeername(int fd, byte[] sockaddr, int[] addressLength) throws LastErrorException;

    /** nfds_t is unsigned long on Linux and unsigned int on macOS; a 64-bit register carries both. */
    static native int poll(byte[] pollfds, long count, int timeoutMillis) throws LastErrorException;

    /** The C library's text for an errno (glibc's is the same in every thread for a known number). */
    static native String strerror(int errnum);
}
