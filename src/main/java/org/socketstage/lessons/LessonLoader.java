package org.socketstage.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return load(Path.of(uri).getParent(), name -> CLASSPATH_FOLDER + "/" + name, "classpath:");
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
            return load(fs.getPath("/" + CLASSPATH_FOLDER), name -> CLASSPATH_FOLDER + "/" + name, "classpath:");
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
        if (!Files.isDirectory(dir)) {
            return LessonLibrary.failed(new LessonProblem(dir.toString(), 0,
                    Files.exists(dir) ? "not a folder: expected a folder of lesson files (*.md)"
                            : "no such folder: expected a folder of lesson files (*.md)"));
        }
        return load(dir, name -> dir.resolve(name).toString(), "");
    }

    /** The built-in lessons with an instructor's folder added ({@code --lessons DIR}). */
    public static LessonLibrary loadBuiltInAnd(Path instructorDir) {
        return loadBuiltIn().merge(loadDirectory(instructorDir));
    }

    private interface Namer {
        String name(String fileName);
    }

    private static LessonLibrary load(Path dir, Namer namer, String sourcePrefix) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !NOT_CONTENT.contains(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return LessonLibrary.failed(new LessonProblem(dir.toString(), 0, "cannot list the folder: " + e));
        }
        List<LessonFile> parsed = new ArrayList<>();
        for (Path p : files) {
            String name = namer.name(p.getFileName().toString());
            parsed.add(read(p, name, sourcePrefix + name));
        }
        return LessonLibrary.of(parsed);
    }

    private static LessonFile read(Path p, String name, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
            return LessonFileParser.parse(name, source, text);
        } catch (CharacterCodingException e) {
            return unreadable(name, "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            return unreadable(name, "cannot read the file: " + e.getMessage());
        }
    }

    private static LessonFile unreadable(String name, String message) {
        return new LessonFile(name, ContentKind.LESSON, null, null, List.of(), List.of(),
                List.of(new LessonProblem(name, 0, message)));
    }
}
