package org.socketstage.socket;

import com.sun.jna.Native;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Spares JNA two costs it pays at every start, by setting two of its system properties before its classes
 * initialise (a value the user gave is kept):
 * <ul>
 * <li>{@code jna.platform.library.path}: when it is not set, JNA runs {@code /sbin/ldconfig -p} as a child process
 * to learn where the system's libraries are (NativeLibrary's static initialiser, whatever library is asked for).
 * The folders it would add are the standard ones below; libc and glib, the libraries we load, are in them on every
 * Linux distribution, and {@code dlopen} still searches the linker's own cache for any name not found there.</li>
 * <li>{@code jna.boot.library.path}: when it is not set, JNA copies its native part (libjnidispatch) out of its jar
 * into a new temporary file. The build unpacks that library beside JNA's jar (target/lib, and the installed app's
 * folder, where the launcher already sets the property), and it is used from there when present.</li>
 * </ul>
 * Measured on 2 cores: JNA's start to a listening socket 0.25 s instead of 0.32 s (src/test/bench/JOURNAL.md, "Speed").
 *
 * <p>Every class that binds a library through JNA calls {@link #apply()} first: the first call decides, and a call
 * made meanwhile on another thread waits for it, so no thread starts JNA before the properties are set.
 */
public final class JnaQuickStart {

    static final String PLATFORM_PATH = "jna.platform.library.path";
    static final String BOOT_PATH = "jna.boot.library.path";
    static final String DISPATCH_LIBRARY = "libjnidispatch.so";

    private JnaQuickStart() {}

    private static boolean applied;

    /** Sets the properties for this JVM, before JNA is first used; harmless if called again or too late. */
    public static synchronized void apply() {
        if (applied || Platform.current() != Platform.LINUX) {
            return;
        }
        applied = true;
        choose(System::getProperty, System.getProperty("os.arch", ""), jnaJar(),
                path -> new File(path).isDirectory(), Files::isRegularFile).forEach(System::setProperty);
    }

    /**
     * The properties to set, from the ones already set, the machine's architecture, where JNA's jar is (null when
     * unknown) and what exists on disk.
     */
    static Map<String, String> choose(UnaryOperator<String> property, String arch, Path jnaJar,
            Predicate<String> isFolder, Predicate<Path> isFile) {
        Map<String, String> chosen = new LinkedHashMap<>();
        if (property.apply(PLATFORM_PATH) == null) {
            List<String> present = libraryFolders(arch).stream().filter(isFolder).toList();
            if (!present.isEmpty()) {
                chosen.put(PLATFORM_PATH, String.join(File.pathSeparator, present));
            }
        }
        Path folder = jnaJar == null ? null : jnaJar.getParent();
        if (property.apply(BOOT_PATH) == null && folder != null && isFile.test(folder.resolve(DISPATCH_LIBRARY))) {
            chosen.put(BOOT_PATH, folder.toString());
        }
        return chosen;
    }

    /**
     * The folders JNA itself looks in on Linux before it adds those ldconfig lists: the multi-arch ones of this
     * machine's architecture (Debian, Ubuntu), then the 64- or 32-bit ones (Fedora, Arch), then the plain ones.
     */
    static List<String> libraryFolders(String arch) {
        String multiArch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "x86", "i386", "i686" -> "i386-linux-gnu";
            default -> null;
        };
        List<String> folders = new ArrayList<>();
        if (multiArch != null) {
            folders.add("/usr/lib/" + multiArch);
            folders.add("/lib/" + multiArch);
        }
        String bits = arch.contains("64") ? "64" : "32";
        folders.addAll(List.of("/usr/lib" + bits, "/lib" + bits, "/usr/lib", "/lib"));
        return folders;
    }

    /** Where JNA's classes come from (a class literal does not initialise JNA); null if not known. */
    private static Path jnaJar() {
        CodeSource source = Native.class.getProtectionDomain().getCodeSource();
        try {
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
