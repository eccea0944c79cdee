package org.socketstage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Which SocketStage this is: the version and the source revision it was built from, as the build wrote them
 * into build-info.properties, and the licences of the libraries it ships (written by the build as well).
 *
 * @param version   the project version, e.g. 0.1.0
 * @param revision  the abbreviated commit, or {@link #UNKNOWN_REVISION} when the build could not read one
 *                  (a source tarball without .git)
 * @param dirty     the working tree had uncommitted changes when it was built
 */
public record BuildInfo(String version, String revision, boolean dirty) {

    public static final String UNKNOWN_REVISION = "unknown revision";
    static final String PROPERTIES = "/org/socketstage/build-info.properties";
    static final String THIRD_PARTY = "/org/socketstage/THIRD-PARTY.txt";

    public BuildInfo {
        version = known(version) ? version.strip() : "unknown version";
        revision = known(revision) ? revision.strip() : UNKNOWN_REVISION;
    }

    /** This build's information, read from the class path. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(PROPERTIES)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + PROPERTIES, e);
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("revision"),
                Boolean.parseBoolean(p.getProperty("dirty")));
    }

    /** e.g. "revision 84ee795", "revision 84ee795 with local changes" or "unknown revision". */
    public String revisionText() {
        if (UNKNOWN_REVISION.equals(revision)) {
            return revision;
        }
        return "revision " + revision + (dirty ? " with local changes" : "");
    }

    /** What --version prints: "SocketStage 0.1.0 (revision 84ee795)". */
    public String versionLine() {
        return "SocketStage " + version + " (" + revisionText() + ")";
    }

    /**
     * The licence of every library in the application, one per line, as the build listed them from the
     * libraries' own metadata; a note when this build did not list them (e.g. run from an IDE).
     */
    public static String thirdPartyLicences() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(THIRD_PARTY)) {
            if (in == null) {
                return "(this build did not list them: " + THIRD_PARTY + " is missing)";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + THIRD_PARTY, e);
        }
    }

    /** A value the build did not fill in stays "${...}" (or is missing). */
    private static boolean known(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }
}
