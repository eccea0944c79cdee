package org.socketstage.record;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import com.fasterxml.jackson.core.JsonGenerator;
import org.socketstage.event.JsonLines;
import org.socketstage.event.LineBytes;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.StraceFormat;

/**
 * A file of text lines written gzip-compressed (text of events shrinks about tenfold), readable whole at any
 * moment: {@link #copyTo} ends the current gzip member and the next line starts a new one; a gzip reader takes
 * the members one after the other as one text. Knows how many compressed bytes it has written.
 */
final class CompressedLines implements AutoCloseable {

    private final Path file;
    private final OutputStream raw;
    private final OutputStream disk;
    private long bytesOnDisk;
    private GZIPOutputStream member;
    private BufferedWriter writer;
    /** Writes JSON lines into {@link #writer}; flushed into it when the member ends. */
    private JsonGenerator json;
    /** The strace line being written, and its characters for the writer: kept for the next line. */
    private final LineBytes line = new LineBytes(256);
    private char[] chars = new char[256];

    CompressedLines(Path file) throws IOException {
        this.file = file;
        this.raw = Files.newOutputStream(file);
        this.disk = new FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                bytesOnDisk += len;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bytesOnDisk++;
            }

            @Override
            public void close() {
                // a member's end closes its gzip stream; the file stays open for the next member
            }
        };
    }

    void writeLine(String line) throws IOException {
        open();
        writer.write(line);
        writer.newLine();
    }

    /**
     * Writes one event as a JSON line straight into the compressed stream, without a String in between (under a
     * flood of events, building each line as a String first was most of the spool's time). Do not mix with
     * {@link #writeLine} in one file.
     */
    void writeJsonLine(ServerEvent event) throws IOException {
        open();
        if (json == null) {
            json = JsonLines.lineWriter(writer);
        }
        JsonLines.write(json, event);
        json.writeRaw(System.lineSeparator()); // as writeLine's newLine()
    }

    /**
     * Writes the project's strace line for the event (as {@link StraceFormat#line}), or nothing for an event that
     * prints none; false then. A recv's or send's line, most of them under load, is written from its bytes.
     */
    boolean writeStraceLine(ServerEvent event) throws IOException {
        if (!StraceFormat.isBufferCall(event)) {
            String text = StraceFormat.line(event);
            if (text != null) {
                writeLine(text);
            }
            return text != null;
        }
        open();
        line.clear();
        StraceFormat.appendPrefix(line, event.actor().label());
        StraceFormat.appendCall(line, (ServerEvent.CallReturned) event);
        char[] ascii = line.asciiChars(chars);
        if (ascii == null) { // not all ASCII (a label, a note): decoded properly
            writer.write(line.toString());
        } else {
            chars = ascii;
            writer.write(chars, 0, line.length());
        }
        writer.newLine();
        return true;
    }

    private void open() throws IOException {
        if (writer == null) {
            // the fastest level: a flood of events must not make compressing the bottleneck
            member = new GZIPOutputStream(disk, 64 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            writer = new BufferedWriter(new OutputStreamWriter(member, StandardCharsets.UTF_8), 64 * 1024);
        }
    }

    /** Compressed bytes on disk so far (what is still in the compressor's buffers comes later). */
    long bytesOnDisk() {
        return bytesOnDisk;
    }

    /** Writes the text so far, uncompressed, to {@code target} (replacing it). */
    void copyTo(Path target) throws IOException {
        endMember();
        disk.flush();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.EOFException empty) {
            Files.writeString(target, ""); // nothing written yet: an empty file has no gzip header
        }
    }

    private void endMember() throws IOException {
        if (json != null) {
            json.flush();
            json = null;
        }
        if (writer != null) {
            writer.flush();
            member.finish();
            writer = null;
            member = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            endMember();
        } finally {
            raw.close();
        }
    }
}
