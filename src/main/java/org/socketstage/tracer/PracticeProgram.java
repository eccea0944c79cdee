package org.socketstage.tracer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The servers in {@code lessons/programs/} to practise tracing on: correct ones, and ones with one classic
 * bug each. {@code failingCheck} names the robustness check a buggy one fails (and no other).
 */
public enum PracticeProgram {
    ECHO("echo_server.c", "an iterative echo server that checks every call", null),
    FORK("echo_fork_server.c", "one process per client (fork)", null),
    THREAD("echo_thread_server.c", "one thread per client (pthreads)", null),
    IPV6("echo_server_ipv6.c", "one IPv6 socket for IPv6 and IPv4 clients (getaddrinfo, IPV6_V6ONLY 0)", null),
    PYTHON("echo_server.py", "an iterative echo server in Python", null),
    NO_HTONS("bug_no_htons.c", "stores the port without htons()", "echo"),
    NO_REUSEADDR("bug_no_reuseaddr.c", "sets no SO_REUSEADDR before bind()", "restart"),
    RECV_MINUS_ONE("bug_recv_minus_one.c", "loops while (recv(...)), so -1 becomes a length", "eintr-recv"),
    NO_SEND_LOOP("bug_no_send_loop.c", "sends once and ignores a partial send", "short-send"),
    FD_LEAK("bug_fd_leak.c", "never closes a connection (descriptor leak)", "peer-leaves"),
    SIGPIPE("bug_sigpipe.c", "neither MSG_NOSIGNAL nor SIGPIPE ignored", "gone-peer");

    /** Where the programs are on the class path (and in the source tree under lessons/). */
    public static final String FOLDER = "lessons/programs";

    private final String file;
    private final String summary;
    private final String failingCheck;

    PracticeProgram(String file, String summary, String failingCheck) {
        this.file = file;
        this.summary = summary;
        this.failingCheck = failingCheck;
    }

    public String file() {
        return file;
    }

    public String summary() {
        return summary;
    }

    public boolean c() {
        return file.endsWith(".c");
    }

    /** The executable's name: the file without {@code .c}. */
    public String programName() {
        return c() ? file.substring(0, file.length() - 2) : file;
    }

    /** The check this program fails on purpose; empty for the correct ones. */
    public Optional<String> failingCheck() {
        return Optional.ofNullable(failingCheck);
    }

    public static List<PracticeProgram> buggy() {
        return List.of(values()).stream().filter(p -> p.failingCheck != null).toList();
    }

    /** Copies the source from the class path into {@code folder}; returns the copy. */
    public Path copyTo(Path folder) {
        String resource = FOLDER + "/" + file;
        try (InputStream in = PracticeProgram.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource not found: " + resource);
            }
            Files.createDirectories(folder);
            Path target = folder.resolve(file);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + folder, e);
        }
    }

    /**
     * Makes the program ready to run in {@code folder}: a C one is compiled there, the Python one copied.
     * Returns the command line to start it on {@code port}.
     */
    public List<String> prepare(Path folder, int port, CCompiler compiler) {
        Path source = copyTo(folder);
        if (!c()) {
            return List.of(python(), source.toString(), Integer.toString(port));
        }
        CCompiler.Result r = compiler.compile(source, folder.resolve(programName()));
        if (!r.ok()) {
            throw new IllegalStateException("compiling " + file + " failed: " + r.messages());
        }
        return List.of(r.program().toString(), Integer.toString(port));
    }

    /** The system's Python 3 itself rather than a wrapper script, when it is there. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
