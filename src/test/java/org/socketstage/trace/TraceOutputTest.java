package org.socketstage.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.ResultSource;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.event.StraceFormat;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/** The terminal's lines for recv and send, written as bytes without Strings, are exactly the formatter's. */
class TraceOutputTest {

    private static final Instant T = Instant.parse("2026-11-29T22:00:00Z");
    private static final Actor CONN = Actor.connection(4, SockAddrIn.loopback(51234));

    private long seq;

    private ServerEvent.CallReturned returned(String call, CallArgs args, long result, Errno errno, ResultSource source,
            String note) {
        return new ServerEvent.CallReturned(++seq, T, CONN, call.equals("recv") ? Step.RECV : Step.SEND, call, args,
                result, errno, source, note, null, null, null, 3);
    }

    private static String printed(List<ServerEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceOutput output = new TraceOutput(new PrintStream(bytes, false, StandardCharsets.UTF_8), false, () -> { });
        for (int i = 0; i < events.size(); i++) {
            output.accept(events.get(i));
            if (i % 7 == 6) {
                output.endOfBatch();
            }
        }
        output.endOfBatch();
        assertThat(output.notPrinted()).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String expected(List<ServerEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (ServerEvent e : events) {
            String line = StraceFormat.line(e);
            if (line != null) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void bufferArgumentsReadAsStraceWritesThem() {
        byte[] line = "hi \"you\"\\\n\t\r".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CallArgs.buffer(4, null, 0, 0, 1024, "0").text()).isEqualTo("4, ..., 1024, 0");
        assertThat(CallArgs.buffer(4, line, 0, line.length, 1024, "0").text())
                .isEqualTo("4, \"hi \\\"you\\\"\\\\\\n\\t\\r\", 1024, 0");
        assertThat(CallArgs.buffer(5, new byte[] {'x', 0, (byte) 0xff, 'y'}, 1, 2, 2, "MSG_NOSIGNAL").text())
                .isEqualTo("5, \"\\x00\\xff\", 2, MSG_NOSIGNAL");
        assertThat(CallArgs.buffer(4, line, 0, line.length, 1024, "0"))
                .isEqualTo(CallArgs.of("4, \"hi \\\"you\\\"\\\\\\n\\t\\r\", 1024, 0"));
    }

    @Test
    void echoLinesAreByteForByteTheFormattersForEveryByteAndLength() {
        Random random = new Random(15);
        List<ServerEvent> events = new ArrayList<>();
        for (int length : new int[] {0, 1, 31, 63, 64, 65, 200}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            events.add(returned("recv", CallArgs.buffer(4, data, 0, length, 1024, "0"), length, null,
                    ResultSource.KERNEL, null));
            int from = length / 3;
            events.add(returned("send", CallArgs.buffer(4, data, from, length - from, length - from, "MSG_NOSIGNAL"),
                    length - from, null, ResultSource.KERNEL, null));
        }
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        for (int from = 0; from < 256; from += 32) {
            events.add(returned("recv", CallArgs.buffer(7, every, from, 32, 32, "0"), 32, null, ResultSource.KERNEL,
                    null));
        }
        assertThat(printed(events)).isEqualTo(expected(events));
    }

    @Test
    void failuresLabelsAndNotesAreTheFormattersToo() {
        byte[] data = "partial\n".getBytes(StandardCharsets.US_ASCII);
        CallArgs args = CallArgs.buffer(4, data, 0, data.length, data.length, "MSG_DONTWAIT|MSG_NOSIGNAL");
        CallArgs text = CallArgs.buffer(4, data, 0, data.length, data.length, "MSG_NOSIGNAL");
        text.text(); // once made, the text itself is written
        List<ServerEvent> events = new ArrayList<>(List.of(
                returned("send", args, -1, Errno.of(104), ResultSource.KERNEL, null),
                returned("send", args, -1, Errno.of(32), ResultSource.SIMULATED, "simulated by SocketStage"),
                returned("recv", CallArgs.buffer(4, null, 0, 0, 1024, "0"), -1, Errno.of(11), ResultSource.INJECTED,
                        null),
                returned("send", args, 3, null, ResultSource.KERNEL, "partial send: 3 of 8 bytes; × “quoted” é"),
                returned("send", text, 8, null, ResultSource.KERNEL, "  "),
                new ServerEvent.Notice(++seq, T, CONN, "recv returned 0: the peer closed its side"),
                returned("recv", CallArgs.of("4, \"x\", 1024, 0"), 1, null, ResultSource.KERNEL, null),
                new ServerEvent.Notice(++seq, T, Actor.SERVER, "a notice with × in it")));
        String out = printed(events);
        assertThat(out).isEqualTo(expected(events));
        assertThat(out).contains("[conn 4 127.0.0.1:51234] send(4, \"partial\\n\", 8, MSG_DONTWAIT|MSG_NOSIGNAL) = -1 ECONNRESET");
    }
}
