package org.socketstage.socket;

import com.sun.jna.Native;
import com.sun.jna.Structure;
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
 * Measured on 2 cores: JNA's start to a listening socket 0.25 s instead of 0.32 s (README, "Speed").
 *
 * <p>And a third, not through a property: the annotation JNA reads first, whose proxy classes the JVM makes at
 * run time, is read ahead on a thread of its own ({@link #readAnnotationsAhead()}).
 */
public final class JnaQuickStart {

    static final String PLATFORM_PATH = "jna.platform.library.path";
    static final String BOOT_PATH = "jna.boot.library.path";
    static final String DISPATCH_LIBRARY = "libjnidispatch.so";

    private JnaQuickStart() {}

    /** Sets the properties for this JVM, before JNA is first used; harmless if called again or too late. */
    public static void apply() {
        if (Platform.current() != Platform.LINUX) {
            return;
        }
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

    /**
     * The structure whose {@code @FieldOrder} annotation JNA reads first when it binds a function (JNA's own type
     * descriptor for libffi).
     */
    static final String FIRST_ANNOTATED_STRUCTURE = "com.sun.jna.Structure$FFIType";

    /**
     * Starts reading, on a thread of its own, the annotation JNA reads first when it binds libc's functions. The
     * JVM makes an annotation's object from a proxy class that it generates at run time (two here: the
     * annotation's and its {@code @Retention}'s), which a class archive cannot hold: about 25 ms of interpreted
     * work that otherwise lies on JNA's own thread, on the trace mode's way to {@code listen()}. The JVM keeps the
     * annotation with its class, so JNA then finds it made. The class is loaded, not initialised: no JNA code
     * runs. Measured: launch → {@code listen()} 217 → 204 ms (README, "In the seventh round of 1 Dec").
     *
     * <p>Call it first: the thread's task is a class of its own, not a lambda, so starting it does not wait for
     * the JVM's lambda machinery to start. Returns the thread (already started; a daemon).
     */
    public static Thread readAnnotationsAhead() {
        Thread reader = new Thread(new AnnotationReader(), "socketstage-jna-annotations");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static final class AnnotationReader implements Runnable {
        @Override
        public void run() {
            try {
                Class.forName(FIRST_ANNOTATED_STRUCTURE, false, JnaQuickStart.class.getClassLoader())
                        .getAnnotation(Structure.FieldOrder.class);
            } catch (ClassNotFoundException | LinkageError e) {
                // another JNA: JNA reads its annotations itself, as it would have anyway
            }
        }
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
