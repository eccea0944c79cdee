package org.socketstage.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the class lists in src/main/cds (as -XX:DumpLoadedClassList writes them) for the archive tests. */
final class ClassLists {

    private ClassLists() {}

    /** The class names listed, leaving out comments and the lambda-proxy lines. */
    static List<String> classNames(Path list) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@")) {
                names.add(line.trim());
            }
        }
        return names;
    }

    /** The listed classes this test's class path and JDK do not have. */
    static List<String> missing(List<String> names) {
        List<String> missing = new ArrayList<>();
        ClassLoader loader = ClassLists.class.getClassLoader();
        for (String n : names) {
            try {
                Class.forName(n.replace('/', '.'), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(n);
            }
        }
        return missing;
    }
}
