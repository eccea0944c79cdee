package org.socketstage.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class JnaQuickStartTest {

    private static final Set<String> DEBIAN_FOLDERS = Set.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib");

    @Test
    void theLibraryFoldersAreThoseOfThisArchitectureOnly() {
        assertEquals(List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib"),
                JnaQuickStart.libraryFolders("amd64"));
        assertEquals(List.of("/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib"),
                JnaQuickStart.libraryFolders("aarch64"));
        assertEquals(List.of("/usr/lib32", "/lib32", "/usr/lib", "/lib"), JnaQuickStart.libraryFolders("riscv"));
    }

    @Test
    void setsTheFoldersThatExistAndTheDispatchLibraryBesideJnasJar() {
        Map<String, String> chosen = JnaQuickStart.choose(name -> null, "amd64", Path.of("/opt/app/lib/jna-5.17.0.jar"),
                folder -> Set.of("/usr/lib/x86_64-linux-gnu", "/usr/lib", "/lib").contains(folder),
                file -> file.equals(Path.of("/opt/app/lib/libjnidispatch.so")));
        assertEquals(Map.of("jna.platform.library.path", "/usr/lib/x86_64-linux-gnu:/usr/lib:/lib",
                "jna.boot.library.path", "/opt/app/lib"), chosen);
    }

    @Test
    void keepsWhatTheUserGaveAndSetsNothingWithoutAnUnpackedLibrary() {
        Path jna = Path.of("/home/me/.m2/jna.jar");
        assertEquals(Map.of(), JnaQuickStart.choose(name -> "/mine", "amd64", jna, DEBIAN_FOLDERS::contains, file -> true));
        Map<String, String> notUnpacked = JnaQuickStart.choose(name -> null, "amd64", jna, DEBIAN_FOLDERS::contains,
                file -> false);
        assertEquals(Set.of("jna.platform.library.path"), notUnpacked.keySet());
        Map<String, String> nothingKnown = JnaQuickStart.choose(name -> null, "amd64", null, folder -> false, file -> true);
        assertEquals(Map.of(), nothingKnown, "no folder found: JNA is left to ask ldconfig");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFreshJvmStillLoadsLibcWithTheChosenFolders() throws Exception {
        // in a JVM of its own, so JNA initialises after apply(), as in the app
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Child.class.getName()).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.exitValue(), out);
        String[] lines = out.split("\\R");
        assertEquals("libc loaded: true", lines[0], out);
        assertTrue(lines[1].startsWith("folders: /"), out);
    }

    /** Applies the settings in a fresh JVM, loads libc through the app's socket API and says what it found. */
    public static final class Child {
        public static void main(String[] args) {
            JnaQuickStart.apply();
            System.out.println("libc loaded: " + NativeSocketApi.isSupported());
            System.out.println("folders: " + System.getProperty(JnaQuickStart.PLATFORM_PATH));
        }
    }
}
