package org.socketstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketstage.trace.CapturedText;
import org.socketstage.trace.TraceMode;

/** Every bad server option exits 2 with the same message naming it, in the window's launch and the trace mode. */
class ServerOptionsBothModesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--port|70000|--port: port must be a number from 0 to 65535",
        "--port|abc|--port: port must be a number from 0 to 65535",
        "--backlog|0|--backlog: backlog must be a whole number of at least 1",
        "--bind|''|--bind: address must be an IPv4 address like 127.0.0.1 or a host name that resolves to one (got nothing)",
        "--bind|255.255.255.255|is the broadcast address",
        "--bind|224.0.0.1|is a multicast group address",
        "--concurrency|forked|--concurrency: must be iterative or threaded",
        "--mode|fast|--mode: must be live, run or step",
        "--delay|-5|--delay: must be a whole number of milliseconds from 0 to 60000",
        "--max-connections|0|--max-connections: must be a whole number from 1 to 1024",
        "--recv-buffer|2000000|--recv-buffer: must be a whole number of bytes from 1 to 1048576",
        "--backend|fast|--backend: must be native or jdk",
        "--transcript|''|--transcript: needs a file name (got nothing)",
    })
    void aBadValueExitsTwoNamingTheOptionInBothModes(String option, String value, String message) {
        CapturedText windowOut = new CapturedText();
        CapturedText windowErr = new CapturedText();
        assertThat(Main.handleWithoutWindow(new String[] {option, value}, windowOut.stream, windowErr.stream))
                .hasValue(Main.BAD_OPTIONS);
        assertThat(windowErr.text()).contains(message);

        CapturedText traceOut = new CapturedText();
        CapturedText traceErr = new CapturedText();
        int code = new TraceMode(InputStream.nullInputStream(), traceOut.stream, traceErr.stream)
                .run("--no-gui", option, value);
        assertThat(code).isEqualTo(TraceMode.BAD_OPTIONS);
        assertThat(traceErr.text()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--mode live --delay 200|--delay has no effect in live mode",
        "--concurrency iterative --max-connections 10|--max-connections has no effect with --concurrency iterative",
    })
    void anOptionWithoutEffectIsWarnedAboutButAccepted(String args, String warning) {
        CapturedText out = new CapturedText();
        CapturedText err = new CapturedText();
        assertThat(Main.handleWithoutWindow(args.split(" "), out.stream, err.stream)).isEmpty();
        assertThat(err.text()).contains("warning: " + warning);
    }
}
