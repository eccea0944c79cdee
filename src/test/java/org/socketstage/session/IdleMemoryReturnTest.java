package org.socketstage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.socketstage.socket.Platform;

class IdleMemoryReturnTest {

    private final AtomicLong seq = new AtomicLong(100);
    private final AtomicInteger calls = new AtomicInteger();
    private final IdleMemoryReturn memory = new IdleMemoryReturn(seq::get, calls::incrementAndGet, false);

    @Test
    void aBusySpellThatGoesQuietReturnsTheMemoryOnceAndOnlyThen() {
        seq.addAndGet(50_000); // a flood
        assertThat(memory.check()).as("still busy at this check").isFalse();
        seq.addAndGet(IdleMemoryReturn.QUIET_EVENTS - 1); // the kernel view now and then
        assertThat(memory.check()).as("quiet after the spell").isTrue();
        assertThat(calls).hasValue(1);
        seq.addAndGet(3);
        assertThat(memory.check()).as("quiet again, nothing new to return").isFalse();
        assertThat(memory.check()).isFalse();
        assertThat(calls).hasValue(1);

        seq.addAndGet(IdleMemoryReturn.BUSY_EVENTS); // the next spell
        assertThat(memory.check()).isFalse();
        assertThat(memory.check()).isTrue();
        assertThat(calls).hasValue(2);
        assertThat(memory.returns()).isEqualTo(2);
    }

    @Test
    void aSteadyLoadNeverTrimsAndALessonsFewStepsNeverCount() {
        for (int i = 0; i < 10; i++) {
            seq.addAndGet(IdleMemoryReturn.QUIET_EVENTS); // a class's paced load, check after check
            assertThat(memory.check()).isFalse();
        }
        assertThat(calls).hasValue(0);

        IdleMemoryReturn lesson = new IdleMemoryReturn(seq::get, calls::incrementAndGet, false);
        for (int i = 0; i < 40; i++) {
            seq.addAndGet(40); // a student stepping: a few dozen events between checks
            lesson.check();
        }
        assertThat(calls).as("1,600 events in small steps, never %d in one spell since the last quiet check",
                IdleMemoryReturn.BUSY_EVENTS).hasValue(0);
    }

    @Test
    void closingEndsItsThread() {
        long others = threads(); // sessions an earlier test left open in this JVM
        IdleMemoryReturn scheduled = new IdleMemoryReturn(seq::get, () -> { }, true);
        assertThat(threads()).as("its timer's thread while open").isEqualTo(others + 1);
        scheduled.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> threads() == others);
    }

    private static long threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("socketstage-memory-return")).count();
    }

    @Test
    void aFailingReturnIsNotAnError() {
        IdleMemoryReturn broken = new IdleMemoryReturn(seq::get, () -> {
            throw new UnsatisfiedLinkError("no malloc_trim");
        }, false);
        seq.addAndGet(IdleMemoryReturn.BUSY_EVENTS);
        broken.check();
        assertThat(broken.check()).isTrue();
    }

    /** The real thing on glibc: free pages in the middle of the C heap go back to the system. */
    @Test
    void onGlibcTheFreedPagesOfTheCHeapLeaveTheResidentSet() throws IOException {
        assumeTrue(Platform.current() == Platform.LINUX && hasGlibc(), "malloc_trim is glibc's");
        assertThat(IdleMemoryReturn.GlibcTrim.available()).isTrue();
        int blocks = 32_768;
        Pointer[] kept = new Pointer[blocks];
        for (int i = 0; i < blocks; i++) {
            kept[i] = new Pointer(Native.malloc(1024));
            kept[i].setMemory(0, 1024, (byte) 1); // touched: resident
        }
        // 15 of every 16 freed: holes of 15 KB between the blocks kept, so no free chunk reaches the heap's top
        for (int i = 0; i < blocks; i++) {
            if (i % 16 != 15) {
                Native.free(Pointer.nativeValue(kept[i]));
                kept[i] = null;
            }
        }
        long before = residentKb();
        IdleMemoryReturn.GlibcTrim.trim();
        long after = residentKb();
        for (Pointer p : kept) {
            if (p != null) {
                Native.free(Pointer.nativeValue(p));
            }
        }
        // 30 MB freed in 15 KB holes: at least two whole pages of each hole go back, about 16 MB in all
        assertThat(before - after).as("resident KB given back (before %d, after %d)", before, after)
                .isGreaterThan(8_000);
    }

    private static boolean hasGlibc() {
        try {
            NativeLibrary.getInstance("c").getFunction("gnu_get_libc_version");
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static long residentKb() throws IOException {
        String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
        return Long.parseLong(statm[1]) * 4; // pages of 4 KB
    }
}
