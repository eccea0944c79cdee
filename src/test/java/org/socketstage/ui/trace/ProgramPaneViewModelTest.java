package org.socketstage.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.ResultSource;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.session.Session;
import org.socketstage.session.SessionSetup;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.AppPrefs;
import org.socketstage.ui.text.UiText;

/** The Program tab's state follows the program's events: its calls, what it printed, a port it got wrong. */
class ProgramPaneViewModelTest {

    @TempDir
    Path dir;

    private final Session session = new Session(SessionSetup.defaults());
    private final UiText text = UiText.load();
    private final Preferences node = Preferences.userRoot().node(System.getProperty(AppPrefs.NODE_PROPERTY))
            .node("programPaneTest");
    private final ProgramPaneViewModel vm = new ProgramPaneViewModel(session, text, new RecentPrograms(node),
            new ProgramCheckRunner(Runnable::run, text), Optional.empty());
    private long seq;
    private final Actor pid = Actor.SERVER.inTask(4711);

    @AfterEach
    void close() throws Exception {
        session.close();
        node.removeNode();
    }

    private ProgramLaunch launch(int port, Path source) {
        return new ProgramLaunch(List.of("./echo_server", Integer.toString(port)), null, OptionalInt.of(port),
                Optional.ofNullable(source));
    }

    private ServerEvent.CallReturned bind(int port, ResultSource source, Errno errno) throws Exception {
        return new ServerEvent.CallReturned(++seq, Instant.now(), pid, Step.BIND, "bind",
                CallArgs.of("3, {sa_family=AF_INET, sin_port=htons(" + port + ")}, 16"), errno == null ? 0 : -1, errno,
                source, null, null, SockAddrIn.of("127.0.0.1", port), null, 5);
    }

    private ServerEvent.Notice notice(String text) {
        return new ServerEvent.Notice(++seq, Instant.now(), pid, text);
    }

    @Test
    void callsAndPrintedLinesGoToTheirOwnLists() throws Exception {
        vm.show(launch(9090, null));
        vm.apply(new ServerEvent.StateChanged(++seq, Instant.now(), pid, ServerState.RUNNING, "tracing ./echo_server"));
        vm.apply(bind(9090, ResultSource.KERNEL, null));
        vm.apply(notice("stdout: echo_server: listening on 127.0.0.1:9090"));
        vm.apply(bind(9090, ResultSource.INJECTED, Errno.byName("EADDRINUSE").orElseThrow()));
        vm.apply(notice("stderr: bind: Address already in use"));
        vm.apply(new ServerEvent.Notice(++seq, Instant.now(), Actor.client(5, null), "stdout: not the program's"));
        vm.publish();
        assertThat(vm.output()).containsExactly("[pid 4711 server] stdout: echo_server: listening on 127.0.0.1:9090",
                "[pid 4711 server] stderr: bind: Address already in use");
        assertThat(vm.calls()).hasSize(3);
        assertThat(vm.calls().get(1)).endsWith("bind(3, {sa_family=AF_INET, sin_port=htons(9090)}, 16) = 0");
        assertThat(vm.calls().get(2)).contains("= -1 EADDRINUSE").contains("[injected]");
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("RUNNING: tracing ./echo_server");
        assertThat(vm.portWarningProperty().get()).isEmpty();
    }

    @Test
    void aPortWithoutHtonsIsPointedOut() throws Exception {
        vm.show(launch(9090, null));
        vm.apply(bind(0x8223, ResultSource.KERNEL, null));
        vm.publish();
        assertThat(vm.portWarningProperty().get()).startsWith("The program bound port 33315, not 9090")
                .contains("htons");
        vm.show(launch(9090, null));
        vm.apply(bind(9191, ResultSource.KERNEL, null));
        vm.publish();
        assertThat(vm.portWarningProperty().get()).isEqualTo("The program bound port 9191, not 9090 as expected.");
    }

    @Test
    void withoutATracedProgramThePaneShowsNothingOfTheOwnServer() throws Exception {
        vm.apply(bind(9090, ResultSource.KERNEL, null));
        vm.apply(notice("stdout: hello"));
        vm.publish();
        assertThat(vm.calls()).isEmpty();
        assertThat(vm.output()).isEmpty();
        assertThat(vm.tracingProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).isEqualTo(text.get("program.none"));
    }

    @Test
    void theSourceIsShownAndAHugeOneIsRefusedWithItsSize() throws Exception {
        Path small = Files.writeString(dir.resolve("echo_server.c"), "int main(void) {\n    return 0;\n}\n");
        vm.show(launch(9090, small));
        assertThat(vm.hasSourceProperty().get()).isTrue();
        assertThat(vm.sourceProperty().get()).startsWith("int main(void) {");
        Path big = dir.resolve("big.c");
        Files.write(big, new byte[(int) ProgramPaneViewModel.MAX_SOURCE_BYTES + 1]);
        vm.show(launch(9090, big));
        assertThat(vm.sourceProperty().get()).contains("big.c is " + (ProgramPaneViewModel.MAX_SOURCE_BYTES + 1) + " bytes");
        vm.show(launch(9090, null));
        assertThat(vm.hasSourceProperty().get()).isFalse();
    }

    @Test
    void linesAreBoundedAndAReplayStartsAfresh() throws Exception {
        vm.show(launch(9090, null));
        for (int i = 0; i < ProgramPaneViewModel.MAX_LINES + 50; i++) {
            vm.apply(notice("stdout: line " + i));
        }
        vm.publish();
        assertThat(vm.output()).hasSize(ProgramPaneViewModel.MAX_LINES);
        assertThat(vm.output().get(vm.output().size() - 1)).endsWith("line " + (ProgramPaneViewModel.MAX_LINES + 49));
        vm.reset();
        vm.apply(notice("stdout: again"));
        vm.publish();
        assertThat(vm.output()).containsExactly("[pid 4711 server] stdout: again");
    }

    @Test
    void aMachineThatCannotTraceSaysWhyAndStartsNothing() {
        ProgramPaneViewModel no = new ProgramPaneViewModel(session, text, new RecentPrograms(node),
                new ProgramCheckRunner(Runnable::run, text), Optional.of("tracing a program needs Linux"));
        no.trace(launch(9090, null));
        assertThat(no.statusProperty().get()).isEqualTo("tracing a program needs Linux");
        assertThat(no.tracingProperty().get()).isFalse();
        assertThat(session.server()).isEmpty();
        assertThat(new RecentPrograms(node).list()).isEmpty();
    }
}
