package org.socketstage.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.socket.Errno;

/** Every event as one JSON object on one line, for transcripts and exports. */
public final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private JsonLines() {}

    /** One line of JSON, without the trailing newline. */
    public static String toJson(ServerEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A generator for writing many events, one JSON object per line, into {@code out} (UTF-8). */
    public static JsonGenerator lineWriter(java.io.OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setRootValueSeparator(null);
        return g;
    }

    /**
     * A generator for writing many events into {@code out}, one per line (write the newlines with
     * {@code writeRaw('\n')}); it never flushes {@code out} by itself: flush the generator when done.
     */
    public static JsonGenerator lineWriter(java.io.Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setRootValueSeparator(null);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Writes the event as one JSON object (no newline) with a generator that may be reused for the next. */
    public static void write(JsonGenerator g, ServerEvent event) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", event.seq());
        Scratch scratch = SCRATCH.get();
        scratch.writeTime(g, event.time());
        g.writeStringField("type", event.getClass().getSimpleName());
        writeActor(g, event.actor());
        if (event instanceof ServerEvent.CallStarted s) {
            g.writeStringField("stage", s.stage().name());
            g.writeStringField("call", s.call());
            scratch.writeArgs(g, s.args());
        } else if (event instanceof ServerEvent.CallHeld h) {
            g.writeStringField("stage", h.stage().name());
            g.writeStringField("call", h.call());
            g.writeStringField("reason", h.reason());
        } else if (event instanceof ServerEvent.CallReturned r) {
            writeReturned(g, r, scratch);
        } else if (event instanceof ServerEvent.StateChanged s) {
            g.writeStringField("state", s.state().name());
            g.writeStringField("detail", s.detail());
        } else if (event instanceof ServerEvent.KernelChanged k) {
            writeKernel(g, k.snapshot());
        } else if (event instanceof ServerEvent.Notice n) {
            g.writeStringField("text", n.text());
        } else if (event instanceof ServerEvent.SettingsChanged c) {
            writeSettings(g, c);
        } else if (event instanceof ServerEvent.PacingChanged p) {
            g.writeStringField("mode", p.mode().name());
            g.writeNumberField("delay_ms", p.delayMillis());
            g.writeBooleanField("paused", p.paused());
            g.writeArrayFieldStart("breakpoints");
            for (Step b : p.breakpoints()) {
                g.writeString(b.name());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeActor(JsonGenerator g, Actor a) throws IOException {
        g.writeObjectFieldStart("actor");
        g.writeStringField("kind", a.kind().name());
        g.writeStringField("label", a.label());
        if (a.fd() >= 0) {
            g.writeNumberField("fd", a.fd());
        }
        if (a.peer() != null) {
            g.writeStringField("address", a.peerText());
        }
        g.writeEndObject();
    }

    private static void writeReturned(JsonGenerator g, ServerEvent.CallReturned r, Scratch scratch)
            throws IOException {
        g.writeStringField("stage", r.stage().name());
        g.writeStringField("call", r.call());
        scratch.writeArgs(g, r.args());
        g.writeNumberField("result", r.result());
        Errno e = r.errno();
        if (e != null) {
            g.writeObjectFieldStart("errno");
            g.writeNumberField("number", e.number());
            g.writeStringField("name", e.name());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeBooleanField("simulated", r.simulated());
        if (r.injected()) {
            g.writeBooleanField("injected", true);
        }
        if (r.note() != null) {
            g.writeStringField("note", r.note());
        }
        if (r.data() != null) {
            g.writeNumberField("bytes", r.data().length);
            StraceText.appendEscaped(scratch.start(), r.data());
            scratch.writeField(g, "data");
        }
        if (r.address() != null) {
            g.writeStringField("address", r.address().toString());
        }
        if (r.sockaddrBytes() != null) {
            g.writeStringField("sockaddr_in", HEX.formatHex(r.sockaddrBytes()));
        }
        g.writeNumberField("duration_us", r.durationMicros());
        r.appendStraceText(scratch.start());
        scratch.writeField(g, "strace");
    }

    /** Each writing thread's own buffers: a line's texts are written from them, not made as Strings per event. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        private final LineBytes bytes = new LineBytes(256);
        private final IsoInstant time = new IsoInstant();
        private char[] chars = new char[256];

        LineBytes start() {
            bytes.clear();
            return bytes;
        }

        void writeArgs(JsonGenerator g, CallArgs args) throws IOException {
            if (args instanceof CallArgs.Buffer b) {
                b.appendTo(start());
                writeField(g, "args");
            } else {
                g.writeStringField("args", args.text());
            }
        }

        void writeTime(JsonGenerator g, java.time.Instant t) throws IOException {
            g.writeFieldName("time");
            g.writeString(time.chars(), 0, time.format(t));
        }

        /** Writes the bytes since {@link #start()} as a string field (JSON-escaped by the generator). */
        void writeField(JsonGenerator g, String name) throws IOException {
            char[] ascii = bytes.asciiChars(chars);
            if (ascii == null) { // not all ASCII (a note, a label): decode it properly
                g.writeStringField(name, bytes.toString());
                return;
            }
            chars = ascii;
            g.writeFieldName(name);
            g.writeString(chars, 0, bytes.length());
        }
    }

    private static void writeSettings(JsonGenerator g, ServerEvent.SettingsChanged c) throws IOException {
        var config = c.config();
        g.writeObjectFieldStart("settings");
        g.writeStringField("bind", config.bindHost());
        g.writeNumberField("port", config.port());
        g.writeNumberField("backlog", config.backlog());
        g.writeBooleanField("reuseaddr", config.reuseAddr());
        g.writeStringField("concurrency", config.concurrency().optionName());
        g.writeNumberField("max_connections", config.maxConnections());
        g.writeNumberField("recv_buffer", config.recvBufferSize());
        g.writeNumberField("idle_timeout_s", config.idleTimeoutSeconds());
        g.writeEndObject();
        g.writeBooleanField("by_user", c.byUser());
    }

    private static void writeKernel(JsonGenerator g, KernelSnapshot s) throws IOException {
        g.writeObjectFieldStart("kernel");
        g.writeNumberField("port", s.port());
        g.writeBooleanField("available", s.available());
        if (!s.available()) {
            g.writeStringField("reason", s.unavailableReason());
        }
        if (s.acceptQueue().isPresent()) {
            g.writeNumberField("accept_queue", s.acceptQueue().getAsInt());
        }
        if (s.effectiveLimit().isPresent()) {
            g.writeNumberField("limit", s.effectiveLimit().getAsInt());
        }
        if (s.somaxconn().isPresent()) {
            g.writeNumberField("somaxconn", s.somaxconn().getAsInt());
        }
        if (s.listenOverflows().isPresent()) {
            g.writeNumberField("listen_overflows", s.listenOverflows().getAsLong());
        }
        g.writeArrayFieldStart("rows");
        for (TcpSocketRow r : s.rows()) {
            g.writeStartObject();
            g.writeStringField("state", r.state().name());
            g.writeStringField("local", r.local());
            g.writeStringField("remote", r.remote());
            g.writeNumberField("rx_queue", r.rxQueue());
            g.writeNumberField("tx_queue", r.txQueue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
