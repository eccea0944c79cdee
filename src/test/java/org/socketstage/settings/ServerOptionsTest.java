package org.socketstage.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server options both modes share: class-sized defaults, and messages that say what is wrong or useless. */
class ServerOptionsTest {

    private static ServerOptions.Checked check(String... args) {
        CommandSyntax syntax = ServerOptions.addTo(new CommandSyntax("test", "The server options alone."));
        GivenOptions given = OptionParsing.parseOrExplain(syntax, args, System.err, "").orElseThrow();
        return ServerOptions.from(given).check();
    }

    private static ServerConfig settings(String... args) {
        return check(args).settings().apply(ServerConfig.defaults());
    }

    @Test
    void theDefaultsTeachIterativelyAndHoldAClassThreaded() {
        ServerConfig d = ServerConfig.defaults();
        assertThat(d.concurrency()).isEqualTo(Concurrency.ITERATIVE);
        assertThat(d.backlog()).isEqualTo(5);
        assertThat(d.maxConnections()).isGreaterThanOrEqualTo(128);
        assertThat(d.idleTimeoutSeconds()).isEqualTo(300);
        ServerConfig threaded = settings("--concurrency", "threaded");
        assertThat(threaded.backlog()).isEqualTo(128);
        assertThat(threaded.maxConnections()).isEqualTo(128);
    }

    @Test
    void aGivenBacklogStaysWhateverTheMode() {
        assertThat(settings("--backlog", "5", "--concurrency", "threaded").backlog()).isEqualTo(5);
        assertThat(settings("--concurrency", "threaded", "--backlog", "7").backlog()).isEqualTo(7);
        ServerConfig chosen = ServerConfig.defaults().withConcurrency(Concurrency.THREAD_PER_CLIENT).withBacklog(128);
        assertThat(check("--concurrency", "iterative").settings().apply(chosen).backlog()).isEqualTo(5);
    }

    @Test
    void theIdleTimeoutIsAnOptionWithItsRange() {
        assertThat(settings("--idle-timeout", "0").idleTimeoutSeconds()).isZero();
        assertThat(settings("--idle-timeout", "60").idleTimeoutSeconds()).isEqualTo(60);
        assertThat(check("--idle-timeout", "86401").problems())
                .containsExactly("--idle-timeout: must be a whole number of seconds from 0 (never) to 86400 (got \"86401\")");
    }

    @Test
    void optionsWithoutEffectInTheChosenModeGetAWarning() {
        assertThat(check("--mode", "live", "--delay", "200").warnings())
                .containsExactly("--delay has no effect in live mode (it is the pause before each call in run mode)");
        assertThat(check("--concurrency", "iterative", "--max-connections", "3").warnings())
                .containsExactly("--max-connections has no effect with --concurrency iterative (one client is served at a time)");
        assertThat(check("--mode", "run", "--delay", "200").warnings()).isEmpty();
    }

    @Test
    void aBroadcastOrMulticastBindAddressIsRefusedWithTheReason() {
        assertThat(check("--bind", "255.255.255.255").problems()).singleElement().asString()
                .startsWith("--bind: address must be an IPv4 address")
                .contains("\"255.255.255.255\" is the broadcast address; TCP listens on one of this machine's own addresses");
        assertThat(check("--bind", "224.0.0.1").problems()).singleElement().asString()
                .contains("\"224.0.0.1\" is a multicast group address");
    }

    @Test
    void transcriptProblemsSayWhatIsWrongWithTheFile() {
        assertThat(check("--transcript", "/nonexistent/dir/t.jsonl").problems()).containsExactly(
                "--transcript: the folder /nonexistent/dir does not exist; create it first or choose another place");
        assertThat(check("--transcript", "").problems()).containsExactly("--transcript: needs a file name (got nothing)");
        assertThat(check("--transcript", "/tmp").problems())
                .containsExactly("--transcript: /tmp is a folder; give a file name inside it");
    }
}
