package org.socketstage.trace;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A PrintStream whose text tests can read while another thread is still writing. */
public final class CapturedText {

    private final StringBuffer text = new StringBuffer();
    public final PrintStream stream = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            text.append((char) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            text.append(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }, true, StandardCharsets.UTF_8);

    public String text() {
        return text.toString();
    }
}
