package org.socketstage.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and parses content files: the built-in ones on the class path (from target/classes or inside the
 * jar) and an instructor's own folder. Every {@code *.md} file of a folder is content, except the documents
 * for people listed in {@link #NOT_CONTENT}. Subfolders are not read.
 */
public final class LessonLoader {

    /** The folder on the class path, and the file that must be in it so it can be found. */
    public static final String CLASSPATH_FOLDER = "lessons";
    static final String MARKER = CLASSPATH_FOLDER + "/README.md";

    /** Markdown files in a lesson folder that are written for people and are not parsed. */
    public static final Set<String> NOT_CONTENT = Set.of("README.md", "instructor-guide.md");

    private LessonLoader() {}

    /** The lessons shipped with SocketStage. */
    public static LessonLibrary loadBuiltIn() {
        return loadBuiltIn(LessonLoader.class.getClassLoader());
    }

    public static LessonLibrary loadBuiltIn(ClassLoader loader) {
        URL marker = loader.getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("Resource not found: " + MARKER
                    + " (the built-in lessons are missing from the class path)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                return loadFromJar(uri);
            }
            return load(Path.of(uri).getParent(), name -> CLASSPATH_FOLDER + "/" + name, "classpath:",
                    FolderAccess.FILES);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the built-in lessons at " + marker, e);
        }
    }

    private static LessonLibrary loadFromJar(URI uri) {
        FileSystem fs;
        boolean opened = false;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jar holding the built-in lessons: " + uri, e);
        }
        try {
            return load(fs.getPath("/" + CLASSPATH_FOLDER), name -> CLASSPATH_FOLDER + "/" + name, "classpath:",
                    FolderAccess.FILES);
        } finally {
            if (opened) {
                try {
                    fs.close();
                } catch (IOException ignored) {
                    // reading is over; a failed close of a read-only zip file system loses nothing
                }
            }
        }
    }

    /** An instructor's folder on its own, e.g. for {@code --check-lessons DIR}. */
    public static LessonLibrary loadDirectory(Path dir) {
        return loadDirectory(dir, FolderAccess.FILES);
    }

    static LessonLibrary loadDirectory(Path dir, FolderAccess access) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(dir, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return LessonLibrary.failed(new LessonProblem(dir.toString(), 0,
                    "no such folder: expected a folder of lesson files (*.md)"));
        } catch (IOException e) {
            return LessonLibrary.failed(new LessonProblem(dir.toString(), 0,
                    "cannot open the folder: " + reason(e)));
        }
        if (!attrs.isDirectory()) {
            return LessonLibrary.failed(new LessonProblem(dir.toString(), 0,
                    "not a folder: expected a folder of lesson files (*.md)"));
        }
        return load(dir, name -> dir.resolve(name).toString(), "", access);
    }

    /** The built-in lessons with an instructor's folder added ({@code --lessons DIR}). */
    public static LessonLibrary loadBuiltInAnd(Path instructorDir) {
        return loadBuiltIn().merge(loadDirectory(instructorDir));
    }

    private interface Namer {
        String name(String fileName);
    }

    /** How a folder is listed and its files read: the file system, or in a test a stand-in that fails. */
    interface FolderAccess {
        List<Path> list(Path dir) throws IOException;

        /** At most {@code limit + 1} bytes of a regular file, so that a file that grew past the limit shows. */
        byte[] read(Path file, int limit) throws IOException;

        FolderAccess FILES = new FolderAccess() {
            @Override
            public List<Path> list(Path dir) throws IOException {
                try (Stream<Path> entries = Files.list(dir)) {
                    return entries.toList();
                }
            }

            @Override
            public byte[] read(Path file, int limit) throws IOException {
                try (InputStream in = Files.newInputStream(file)) {
                    return in.readNBytes(limit + 1);
                }
            }
        };
    }

    private static LessonLibrary load(Path dir, Namer namer, String sourcePrefix, FolderAccess access) {
        List<Path> files;
        try {
            files = access.list(dir).stream()
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !NOT_CONTENT.contains(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            return LessonLibrary.failed(new LessonProblem(dir.toString(), 0, "cannot list the folder: " + reason(cause)));
        }
        Path inside = realPath(dir);
        List<LessonFile> parsed = new ArrayList<>();
        for (Path p : files) {
            String name = LessonProblem.printable(namer.name(p.getFileName().toString()));
            LessonFile f = read(p, inside, name, sourcePrefix + name, access);
            if (f != null) {
                parsed.add(f);
            }
        }
        return LessonLibrary.of(parsed);
    }

    /** The file's content, or its problem; null for a folder (subfolders are not read). */
    private static LessonFile read(Path p, Path inside, String name, String source, FolderAccess access) {
        Path target = p;
        BasicFileAttributes attrs;
        boolean link = false;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                link = true;
                target = followInside(p, inside);
                if (target == null) {
                    return unreadable(name, "is a link to a file outside this folder; links are followed only to "
                            + "files inside the lessons folder");
                }
                attrs = Files.readAttributes(target, BasicFileAttributes.class);
            }
        } catch (NoSuchFileException e) {
            return unreadable(name, link ? "is a link to a file that does not exist" : "cannot read the file: " + reason(e));
        } catch (IOException e) {
            return unreadable(name, isLoop(e) ? "is a link that leads round in a loop (" + LOOP + ")"
                    : "cannot read the file: " + reason(e));
        }
        if (attrs.isDirectory()) {
            return null;
        }
        if (!attrs.isRegularFile()) {
            return unreadable(name, "is " + kindOf(target) + ", not a regular file; only regular files are read");
        }
        if (attrs.size() > LessonLimits.MAX_FILE_BYTES) {
            return unreadable(name, tooBig(LessonLimits.number(attrs.size())));
        }
        try {
            byte[] bytes = access.read(target, LessonLimits.MAX_FILE_BYTES);
            if (bytes.length > LessonLimits.MAX_FILE_BYTES) {
                return unreadable(name, tooBig("more than " + LessonLimits.number(LessonLimits.MAX_FILE_BYTES)));
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return LessonFileParser.parse(name, source, text);
        } catch (CharacterCodingException e) {
            return unreadable(name, "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            return unreadable(name, "cannot read the file: " + reason(e));
        }
    }

    /** Where a link leads, when that is inside the folder; null when it leads out. Throws for loops and dead ends. */
    private static Path followInside(Path link, Path inside) throws IOException {
        Path real = link.toRealPath();
        return real.startsWith(inside) ? real : null;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private static String tooBig(String bytes) {
        return "the file is " + bytes + " bytes; a lesson file may be at most " + LessonLimits.number(
                LessonLimits.MAX_FILE_BYTES) + " bytes (1 MB): split it into several files";
    }

    /** "a named pipe (FIFO)" and the like, from the file type bits where the file system tells them. */
    private static String kindOf(Path p) {
        try {
            int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    /** Why a file or folder could not be read, in words: "permission denied" rather than an exception's name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist (any more)";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (isLoop(e)) {
            return "its links lead round in a loop (" + LOOP + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** ELOOP's text; the JDK adds "or unable to access attributes of symbolic link", which it never is here. */
    private static final String LOOP = "too many levels of symbolic links";

    private static boolean isLoop(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null
                && f.getReason().toLowerCase(java.util.Locale.ROOT).startsWith(LOOP);
    }

    private static LessonFile unreadable(String name, String message) {
        return new LessonFile(name, ContentKind.LESSON, null, null, List.of(), List.of(),
                List.of(new LessonProblem(name, 0, message)));
    }
}
