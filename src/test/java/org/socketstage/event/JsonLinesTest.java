package org.socketstage.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/** The JSON line's texts are written from bytes; they must say exactly what the events' own texts say. */
class JsonLinesTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Actor CONNECTION = Actor.connection(5, SockAddrIn.loopback(40404));

    /** The line's top-level fields with a plain value, as text (Jackson's own parser reads the line). */
    private static Map<String, String> line(ServerEvent e) throws Exception {
        String text = JsonLines.toJson(e);
        assertThat(text).doesNotContain("\n");
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    p.skipChildren();
                } else {
                    fields.put(name, p.getText());
                }
            }
            assertThat(p.nextToken()).as("one object").isNull();
        }
        return fields;
    }

    @Test
    void aRecvsTextsAreTheEventsOwn() throws Exception {
        byte[] data = "hi \"you\"\n\t\u0001\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        ServerEvent.CallReturned r = new ServerEvent.CallReturned(7, Instant.parse("2026-12-02T14:25:13.000120Z"),
                CONNECTION, Step.RECV, "recv", CallArgs.buffer(5, data, 0, data.length, 4096, "0"), data.length, null,
                ResultSource.KERNEL, null, data, null, null, 12);
        Map<String, String> j = line(r);
        assertThat(j.get("time")).isEqualTo("2026-12-02T14:25:13.000120Z").isEqualTo(r.time().toString());
        assertThat(j.get("args")).isEqualTo(r.args().text()).isEqualTo("5, \"hi \\\"you\\\"\\n\\t\\x01\\xff\", 4096, 0");
        assertThat(j.get("data")).isEqualTo(StraceText.escape(data));
        assertThat(j.get("strace")).isEqualTo(r.straceText());
        assertThat(j.get("bytes")).isEqualTo(Integer.toString(data.length));
        String line = JsonLines.toJson(r);
        assertThat(line).contains("\"address\":\"" + CONNECTION.peer() + "\"").contains("\"address\":\"127.0.0.1:40404\"");
    }

    @Test
    void aFailedSimulatedSendAndANonAsciiNote() throws Exception {
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
        ServerEvent.CallReturned r = new ServerEvent.CallReturned(8, Instant.parse("2026-12-02T14:25:13Z"),
                CONNECTION, Step.SEND, "send", CallArgs.buffer(5, data, 1, 2, 3, "MSG_NOSIGNAL"), -1,
                Errno.byName("ECONNRESET").orElseThrow(), ResultSource.SIMULATED, "peer reset — simulated", null,
                null, null, 3);
        Map<String, String> j = line(r);
        assertThat(j.get("time")).isEqualTo("2026-12-02T14:25:13Z");
        assertThat(j.get("args")).isEqualTo("5, \"bc\", 3, MSG_NOSIGNAL").isEqualTo(r.args().text());
        assertThat(j.get("strace")).isEqualTo(r.straceText()).contains("ECONNRESET").endsWith("[simulated]");
        assertThat(j.get("note")).isEqualTo("peer reset — simulated");
    }

    @Test
    void aRecvStillWaitingAndOtherCallsArgs() throws Exception {
        ServerEvent.CallStarted waiting = new ServerEvent.CallStarted(9, Instant.parse("2026-12-02T14:25:13.5Z"),
                CONNECTION, Step.RECV, "recv", CallArgs.buffer(5, null, 0, 0, 4096, "0"));
        assertThat(line(waiting).get("args")).isEqualTo("5, ..., 4096, 0");
        ServerEvent.CallReturned listen = new ServerEvent.CallReturned(10, Instant.parse("2026-12-02T14:25:14Z"),
                Actor.SERVER, Step.LISTEN, "listen", CallArgs.listen(3, 16), 0, null, ResultSource.KERNEL, null, null,
                null, null, 1);
        Map<String, String> j = line(listen);
        assertThat(j.get("args")).isEqualTo("3, 16");
        assertThat(j.get("strace")).isEqualTo("listen(3, 16) = 0");
    }
}
