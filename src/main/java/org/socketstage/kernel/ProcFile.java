package org.socketstage.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a whole file under /proc. Not Files.readString or Files.readAllBytes: /proc files report a size of
 * 0, so those read one byte and then read again at offset 1, and /proc/sys files answer any read past
 * offset 0 with end-of-file (JDK 17 returned "4" for a somaxconn of 4096). A stream read asks for 8 KiB
 * at offset 0 and gets every byte.
 */
final class ProcFile {

    private ProcFile() {
    }

    static Optional<byte[]> bytes(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The kernel writes these tables in ASCII; a non-ASCII byte can only be part of a line we then skip. */
    static Optional<String> text(Path file) {
        return bytes(file).map(b -> new String(b, StandardCharsets.ISO_8859_1));
    }
}
