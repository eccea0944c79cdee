package org.socketstage.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerState;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;

/** The tracer refuses what it cannot trace, with a sentence saying why, and leaves nothing running. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RefusalsTest {

    @Test
    void a32BitProgramIsAnUnsupportedArchitecture(@TempDir Path dir) throws IOException {
        assumeTrue(Arch.current().map(a -> a instanceof X86_64).orElse(false), "this test builds an i386 program");
        Path program = dir.resolve("tiny32");
        Files.write(program, tinyI386Program());
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(ProgramBinary.problem(program, "tiny32", Arch.current().orElseThrow()))
                .isEqualTo("unsupported architecture: tiny32 is a 32-bit i386 program, and the tracer reads the system"
                        + " calls of 64-bit x86_64 programs only");

        TracedProgram traced = new TracedProgram(new ProgramCommand(List.of("./tiny32"), dir), new EventBus(),
                new StepGate(PacingMode.LIVE, 0));
        traced.start();
        assertThat(traced.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assumeTrue(traced.failure().isPresent() || traced.exit().map(x -> x.status() != 126 && x.status() != 2).orElse(true),
                "this kernel cannot run 32-bit programs at all");
        String real = dir.resolve("tiny32").toRealPath().toString();
        assertThat(traced.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("unsupported architecture: "
                + real + " is a 32-bit i386 program"));
        assertThat(traced.state()).isEqualTo(ServerState.FAILED);
        assertThat(traced.livePids()).isEmpty();
    }

    /** exit(0) as a 93-byte static i386 ELF program: mov eax,1; xor ebx,ebx; int 0x80. */
    private static byte[] tinyI386Program() {
        int base = 0x08048000;
        byte[] code = {(byte) 0xB8, 1, 0, 0, 0, 0x31, (byte) 0xDB, (byte) 0xCD, (byte) 0x80};
        int size = 52 + 32 + code.length;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2).putShort((short) 3).putInt(1).putInt(base + 84).putInt(52).putInt(0).putInt(0);
        b.putShort((short) 52).putShort((short) 32).putShort((short) 1).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0);
        b.putInt(1).putInt(0).putInt(base).putInt(base).putInt(size).putInt(size).putInt(5).putInt(0x1000);
        b.put(code);
        return b.array();
    }

    @Test
    void ptraceRefusedSaysHowToAllowIt() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        assumeTrue(Files.isExecutable(strace), "strace is not installed: no way to make ptrace refuse here");
        // a process can have one tracer only: seizing one that strace traces gives EPERM, as a forbidding policy would
        Process traced = new ProcessBuilder(strace.toString(), "-o", "/dev/null", "/bin/sleep", "30")
                .redirectErrorStream(true).start();
        try {
            long sleepPid = awaitChild(traced.pid());
            assertThatThrownBy(() -> TraceLoop.seize((int) sleepPid, Ptrace.O_EXITKILL))
                    .isInstanceOf(TraceFailure.class)
                    .hasMessageStartingWith("tracing not permitted: the kernel refused ptrace (EPERM) for pid " + sleepPid)
                    .satisfies(e -> assertThat(((TraceFailure) e).kind()).isEqualTo(TraceFailure.Kind.NOT_PERMITTED))
                    .hasMessageFindingMatch("ptrace_scope|--cap-add=SYS_PTRACE");
        } finally {
            traced.descendants().forEach(ProcessHandle::destroyForcibly);
            traced.destroyForcibly();
            traced.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long awaitChild(long parent) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            var child = ProcessHandle.of(parent).flatMap(p -> p.children().findFirst());
            if (child.isPresent() && ProcStat.state((int) child.get().pid()) != null
                    && !"T".equals(ProcStat.state((int) child.get().pid()))
                    && ProcStat.exe((int) child.get().pid()).endsWith("sleep")) {
                return child.get().pid();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("strace did not start sleep");
    }

    @Test
    void theCompilerSaysWhatItFoundAndHowToInstallOne(@TempDir Path dir) throws IOException {
        assertThat(CCompiler.missingMessage()).contains("no C compiler found", "apt-get install gcc");
        CCompiler cc = CCompiler.find().orElse(null);
        assumeTrue(cc != null, CCompiler.missingMessage());
        Path broken = dir.resolve("broken.c");
        Files.writeString(broken, "int main(void) { return undefined_name; }\n");
        CCompiler.Result r = cc.compile(broken, dir.resolve("broken"));
        assertThat(r.ok()).isFalse();
        assertThat(r.messages()).contains("undefined_name");
        Path source = PracticeProgram.ECHO.copyTo(dir);
        assertThat(cc.compile(source, dir.resolve("echo_server")).ok()).isTrue();
    }
}
