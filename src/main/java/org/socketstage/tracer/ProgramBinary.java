package org.socketstage.tracer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the program a process runs after exec is one whose system calls the tracer can read: a 64-bit ELF
 * program of this machine's architecture. A 32-bit x86 program on x86_64, for instance, uses other call numbers.
 */
final class ProgramBinary {

    private ProgramBinary() {}

    /** A sentence saying why the tracer cannot follow the program process {@code pid} runs, or null when it can. */
    static String problem(int pid, String exe, Arch arch) {
        return problem(Path.of("/proc", Integer.toString(pid), "exe"), exe, arch);
    }

    static String problem(Path file, String exe, Arch arch) {
        byte[] head = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return null;
        }
        int machine = (head[18] & 0xff) | (head[19] & 0xff) << 8;
        if (head[4] != 2 || machine != arch.elfMachine()) {
            return "unsupported architecture: " + exe + " is a " + (head[4] == 1 ? "32-bit" : "64-bit") + " "
                    + machineName(machine) + " program, and the tracer reads the system calls of 64-bit "
                    + arch.name() + " programs only";
        }
        return null;
    }

    static String machineName(int machine) {
        return switch (machine) {
            case 3 -> "i386";
            case 40 -> "ARM";
            case 62 -> "x86_64";
            case 183 -> "aarch64";
            case 243 -> "RISC-V";
            default -> "machine " + machine;
        };
    }
}
