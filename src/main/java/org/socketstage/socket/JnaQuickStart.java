package org.socketstage.socket;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
 */
public final class JnaQuickStart {

    static final String PLATFORM_PATH = "jna.platform.library.path";
    static final String BOOT_PATH = "jna.boot.library.path";
    static final String DISPATCH_LIBRARY = "libjnidispatch.so";

    private JnaQuickStart() {}

    /** Sets the properties for this JVM, before JNA is first used; harmless if called again or too late. */
    public static void apply() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return;
        }
        Map<String, String> chosen = choose(System.getProperties()::getProperty, System.getProperty("os.arch", ""),
                JnaQuickStart.class.getClassLoader().getResource("com/sun/jna/Native.class"),
                path -> new File(path).isDirectory(), path -> new File(path).isFile());
        chosen.forEach(System::setProperty);
    }

    /**
     * The properties to set, from the ones already set, where JNA's classes come from, and what exists on disk.
     *
     * @param nativeClass the URL of JNA's {@code com/sun/jna/Native.class} (null when JNA is missing)
     */
    static Map<String, String> choose(java.util.function.UnaryOperator<String> property, String arch, URL nativeClass,
            Predicate<String> isFolder, Predicate<String> isFile) {
        Map<String, String> chosen = new java.util.LinkedHashMap<>();
        if (property.apply(PLATFORM_PATH) == null) {
            List<String> present = new ArrayList<>();
            for (String folder : libraryFolders(arch)) {
                if (isFolder.test(folder)) {
                    present.add(folder);
                }
            }
            if (!present.isEmpty()) {
                chosen.put(PLATFORM_PATH, String.join(File.pathSeparator, present));
            }
        }
        if (property.apply(BOOT_PATH) == null) {
            jarFolder(nativeClass).filter(folder -> isFile.test(folder + File.separator + DISPATCH_LIBRARY))
                    .ifPresent(folder -> chosen.put(BOOT_PATH, folder));
        }
        return chosen;
    }

    /**
     * The folders JNA itself looks in on Linux before it adds those ldconfig lists: the multi-arch ones of this
     * machine's architecture (Debian, Ubuntu), then the 64- or 32-bit ones (Fedora, Arch), then the plain ones.
     */
    static List<String> libraryFolders(String arch) {
        boolean is64 = arch.contains("64");
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
        String bits = is64 ? "64" : "32";
        folders.addAll(List.of("/usr/lib" + bits, "/lib" + bits, "/usr/lib", "/lib"));
        return folders;
    }

    /** The folder of the jar a class was loaded from ("jar:file:/a/b/jna.jar!/…" gives "/a/b"), if from a jar. */
    static Optional<String> jarFolder(URL classUrl) {
        if (classUrl == null || !"jar".equals(classUrl.getProtocol())) {
            return Optional.empty();
        }
        String spec = classUrl.getPath(); // file:/a/b/jna.jar!/com/sun/jna/Native.class
        int bang = spec.indexOf("!/");
        if (!spec.startsWith("file:") || bang < 0) {
            return Optional.empty();
        }
        try {
            File jar = new File(new java.net.URI(spec.substring(0, bang)));
            return Optional.ofNullable(jar.getParent());
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
