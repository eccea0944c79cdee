package org.socketstage.trace;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace mode as a real process (the way a user runs it), with a transcript in a folder of the test's:
 * started on port 0, its port read from the transcript, stopped with a real signal. Also a few echo clients.
 */
final class TraceProcess implements AutoCloseable {

    /** Far more than a test's transcript: a test that gets here has lost control of its load. */
    private static final long MAX_READ = 512L << 20;

    static final Pattern SEQ = Pattern.compile("^\\{\"seq\":(\\d+),");
    private static final Pattern PORT = Pattern.compile(
            "\"type\":\"CallReturned\".*\"call\":\"getsockname\".*\"address\":\"127\\.0\\.0\\.1:(\\d+)\"");

    final Process process;
    final Path transcript;
    final Path stderr;
    private int port = -1;

    private TraceProcess(Process process, Path transcript, Path stderr) {
        this.process = process;
        this.transcript = transcript;
        this.stderr = stderr;
    }

    /**
     * Starts {@code --no-gui --port 0 --transcript DIR/t.jsonl} plus {@code args}. {@code shellLimits}, when not
     * null, runs before the JVM in a shell (e.g. {@code ulimit -f 100}).
     */
    static TraceProcess start(Path dir, ProcessBuilder.Redirect stdout, String shellLimits, String... args)
            throws IOException {
        Path transcript = dir.resolve("t.jsonl");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>();
        if (shellLimits != null) {
            command.addAll(List.of("sh", "-c", shellLimits + "; exec \"$0\" \"$@\""));
        }
        command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.socketstage.Main", "--no-gui", "--port", "0",
                "--transcript", transcript.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(stdout)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return new TraceProcess(pb.start(), transcript, stderr);
    }

    /**
     * Waits until listen() has returned; returns the port (the kernel's pick, as getsockname says in the
     * transcript). getsockname runs after bind() and before listen(): a client connecting between the two is
     * refused, so the port alone is not enough.
     */
    int awaitListening() {
        await().atMost(Duration.ofSeconds(60)).until(() -> findPort() > 0 && listened());
        return port;
    }

    private boolean listened() throws IOException {
        return completeLines().stream().anyMatch(l -> l.contains("\"type\":\"CallReturned\"")
                && l.contains("\"call\":\"listen\"") && !l.contains("\"errno\""));
    }

    private int findPort() throws IOException {
        if (port < 0 && Files.exists(transcript)) {
            for (String line : completeLines()) {
                Matcher m = PORT.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
        }
        return port;
    }

    /**
     * The transcript's lines so far, without a last line still being written. It reads only the bytes the file
     * had when called: under load the server writes tens of MB a second, and reading to the end of the file
     * chased it until the array outgrew the VM's limit.
     */
    List<String> completeLines() throws IOException {
        if (!Files.exists(transcript)) {
            return List.of();
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(sizeNow()));
        try (FileChannel in = FileChannel.open(transcript)) {
            while (bytes.hasRemaining() && in.read(bytes) >= 0) {
                // until the bytes counted when called are in
            }
        }
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    /** The complete lines in the bytes the transcript had when called, counted without making them. */
    long transcriptLines() throws IOException {
        long left = sizeNow();
        if (left == 0) {
            return 0; // not written yet (or no file yet)
        }
        long lines = 0;
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        try (FileChannel in = FileChannel.open(transcript)) {
            while (left > 0) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), left));
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (chunk.get(i) == '\n') {
                        lines++;
                    }
                }
                left -= n;
            }
        }
        return lines;
    }

    private long sizeNow() throws IOException {
        long size = Files.exists(transcript) ? Files.size(transcript) : 0;
        if (size > MAX_READ) {
            throw new AssertionError("the transcript is " + size + " bytes, more than any of these tests writes");
        }
        return size;
    }

    String stderrText() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    /** Sends the signal (TERM or INT) and waits for the exit; returns the exit status. */
    int stopWith(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the trace mode did not exit within 60 s of SIG" + signal);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The event numbers of the transcript's event lines, in file order. */
    static List<Long> seqs(List<String> lines) {
        List<Long> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = SEQ.matcher(l);
            if (m.find()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        return out;
    }

    /** Clients that each keep one connection and echo lines as fast as the server answers, checking every byte. */
    static final class EchoClients implements AutoCloseable {
        final AtomicLong echoes = new AtomicLong();
        final AtomicLong wrongBytes = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        EchoClients(int port, int count) {
            for (int i = 0; i < count; i++) {
                int id = i;
                Thread t = new Thread(() -> run(port, id), "test-echo-client-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        private void run(int port, int id) {
            byte[] line = ("client " + id + " says hello\n").getBytes(StandardCharsets.US_ASCII);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                while (!stop.get()) {
                    out.write(line);
                    byte[] back = in.readNBytes(line.length);
                    if (back.length < line.length) {
                        return; // the server closed the connection (stopping): nothing wrong was echoed
                    }
                    if (!Arrays.equals(back, line)) {
                        wrongBytes.incrementAndGet();
                        return;
                    }
                    echoes.incrementAndGet();
                }
            } catch (IOException e) {
                // the server stopped (the test's signal) or went away; the test looks at what was echoed
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }
}
