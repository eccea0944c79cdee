package org.socketstage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * JNA's start-up floor launched as the trace mode's java -jar line is: {@link JnaListener} in a jar of its own whose
 * class path is the app's jar (and so the app's libraries, JNA's unpacked native part included), with a class
 * archive of its own made the way the build makes the trace mode's. The start-up rows compare the trace mode's jar
 * launch with this one.
 */
final class JnaFloorJar {

    static final Path JAR = EchoBenchmark.WORK.resolve("jna-floor.jar").toAbsolutePath();
    static final Path ARCHIVE = EchoBenchmark.WORK.resolve("jna-floor.jsa").toAbsolutePath();

    private JnaFloorJar() {}

    /** Makes the jar and its archive (a run that lists the classes it loads, then the dump); a few seconds. */
    static void prepare() throws Exception {
        Files.createDirectories(EchoBenchmark.WORK);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JnaListener.class.getName());
        // relative to this jar's folder (target/bench): the app's jar, whose own Class-Path names its libraries
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "../" + EchoBenchmark.APP_JAR.getFileName());
        String entry = JnaListener.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(JAR); JarOutputStream jar = new JarOutputStream(file, manifest);
                InputStream in = JnaListener.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
        Path list = EchoBenchmark.WORK.resolve("jna-floor.classlist");
        Files.deleteIfExists(list);
        int port = EchoBenchmark.freePort();
        List<String> command = new ArrayList<>(List.of(EchoBenchmark.JAVA));
        command.addAll(SideBySideBenchmark.APP_JVM);
        command.addAll(launch(List.of("-XX:DumpLoadedClassList=" + list), port));
        Process training = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            EchoBenchmark.awaitPort(port, Duration.ofSeconds(30));
        } finally {
            training.destroy();
            training.waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(ARCHIVE);
        List<String> dump = new ArrayList<>(List.of(EchoBenchmark.JAVA, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + ARCHIVE));
        dump.addAll(SideBySideBenchmark.APP_JVM);
        dump.addAll(List.of("-cp", JAR.toString()));
        Process dumping = new ProcessBuilder(dump).redirectErrorStream(true)
                .redirectOutput(EchoBenchmark.WORK.resolve("jna-floor-dump.log").toFile()).start();
        if (!dumping.waitFor(120, TimeUnit.SECONDS) || dumping.exitValue() != 0 || !Files.isRegularFile(ARCHIVE)) {
            dumping.destroyForcibly();
            throw new IOException("could not make " + ARCHIVE + " (see target/bench/jna-floor-dump.log)");
        }
    }

    /** What follows {@code java} and the app's JVM options to start the floor on {@code port}, with these options. */
    static List<String> launch(List<String> jvm, int port) {
        List<String> args = new ArrayList<>(jvm);
        args.addAll(List.of("-jar", JAR.toString(), Integer.toString(port)));
        return args;
    }
}
