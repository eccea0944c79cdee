package org.socketstage.tracer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Reads a stopped tracee's memory (a sockaddr, the bytes of a buffer) with process_vm_readv: one system call
 * for the whole range. Used only on the tracer thread, so one buffer serves every read.
 */
final class TraceeMemory {

    static final int MAX_READ = 64 * 1024;

    private final Memory iovecs = new Memory(32);
    private final Memory buffer = new Memory(MAX_READ);

    /** Up to {@code length} bytes from {@code address}; fewer if the range ends in unmapped memory; null on failure. */
    byte[] read(int pid, long address, long length) {
        if (address == 0 || length <= 0) {
            return null;
        }
        int want = (int) Math.min(length, MAX_READ);
        iovecs.setLong(0, Pointer.nativeValue(buffer));
        iovecs.setLong(8, want);
        iovecs.setLong(16, address);
        iovecs.setLong(24, want);
        long got;
        try {
            got = Ptrace.process_vm_readv(pid, Pointer.nativeValue(iovecs), 1, Pointer.nativeValue(iovecs) + 16, 1, 0);
        } catch (LastErrorException e) {
            return null;
        }
        return got <= 0 ? null : buffer.getByteArray(0, (int) got);
    }

    /** A 32-bit int in the tracee (socklen_t, an option value), or empty. */
    java.util.OptionalInt readInt(int pid, long address) {
        byte[] b = read(pid, address, 4);
        if (b == null || b.length < 4) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of((b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24);
    }

    /** A 64-bit value in the tracee (a pointer or a length in a struct), or null. */
    Long readLong(int pid, long address) {
        byte[] b = read(pid, address, 8);
        if (b == null || b.length < 8) {
            return null;
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
