package org.socketstage.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Step;
import org.socketstage.session.Session;
import org.socketstage.session.SessionSetup;
import org.socketstage.tracer.PracticeProgram;
import org.socketstage.tracer.ProgramSource;
import org.socketstage.tracer.Programs;
import org.socketstage.tracer.TracedProgram;
import org.socketstage.tracer.Tracing;
import org.socketstage.ui.AppPrefs;
import org.socketstage.ui.MainViewModel;
import org.socketstage.ui.MainWindow;
import org.socketstage.ui.lane.StageCard;
import org.socketstage.ui.lane.StageStatus;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with a student's real program on the stage: the sample C echo server, compiled with cc, chosen in
 * File → Trace a program…, lights the stages with its real descriptors, echoes a loopback client's line, and
 * Stop (or closing the window) ends it and frees its port.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class TracedProgramInTheWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<MainWindow> windows = new ArrayList<>();

    @Start
    void start(Stage stage) {
        // each test opens its own window
    }

    @BeforeEach
    void tracingWorksHere() {
        assumeTrue(Tracing.supported(), () -> Tracing.unsupportedReason().orElse(""));
        RecentPrograms.open().clear();
    }

    @AfterEach
    void closeAll(FxRobot robot) {
        robot.interact(() -> windows.forEach(w -> w.stage().close()));
        windows.forEach(w -> w.viewModel().session().awaitClosed(WAIT));
        RecentPrograms.open().clear();
    }

    private MainWindow open(FxRobot robot) {
        AtomicReference<MainWindow> made = new AtomicReference<>();
        robot.interact(() -> made.set(MainWindow.open(new Stage(), new MainViewModel(
                new Session(SessionSetup.defaults()), UiText.load()), AppPrefs.open())));
        windows.add(made.get());
        return made.get();
    }

    @Test
    void theEchoServerChosenInTheDialogLightsTheStagesEchoesAndStopFreesEverything(FxRobot robot) throws Exception {
        int port = Programs.freePort();
        List<String> argv = Programs.command(PracticeProgram.ECHO, port);
        MainWindow w = open(robot);
        MainViewModel vm = w.viewModel();

        // File → Trace a program…: the dialog waits for the user, so the menu item is fired without waiting on it
        MenuItem item = fx(() -> traceMenuItem(w));
        assertThat(fx(item::isDisable)).as("tracing is possible here").isFalse();
        Platform.runLater(item::fire);
        TextField command = await().atMost(WAIT).until(() -> robot.lookup("#trace-command").tryQueryAs(TextField.class),
                Optional::isPresent).orElseThrow();
        robot.interact(() -> {
            command.setText(String.join(" ", argv));
            robot.lookup("#trace-port").queryAs(TextField.class).setText(Integer.toString(port));
        });
        Button traceButton = robot.lookup((Node n) -> n instanceof Button b && "Trace".equals(b.getText()))
                .queryAs(Button.class);
        assertThat(fx(traceButton::isDisable)).as("a valid command enables Trace").isFalse();
        robot.interact(traceButton::fire);

        await().atMost(WAIT).until(() -> fx(() -> vm.lane().card(Step.LISTEN).status()) == StageStatus.OK);
        TracedProgram program = ProgramSource.traced(vm.session().server()).orElseThrow();
        int pid = program.pid();
        assertThat(fx(() -> vm.lane().card(Step.SOCKET).result())).isEqualTo("fd = 3");
        assertThat(fx(() -> vm.lane().card(Step.BIND).status())).isEqualTo(StageStatus.OK);
        assertThat(fx(() -> vm.program().portWarningProperty().get())).isEmpty();
        assertThat(vm.session().serverPort()).isEqualTo(port);

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = client.getOutputStream();
            out.write("hello stage\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("hello stage");
            await().atMost(WAIT).until(() -> fx(() -> vm.lane().card(Step.SEND).result()).equals("= 12 bytes"));
            StageCard accept = fx(() -> vm.lane().card(Step.ACCEPT));
            assertThat(accept.result()).startsWith("fd = 4");
            // the server is back in recv() for the next line: the card shows that call under way
            await().atMost(WAIT).until(() -> fx(() -> vm.lane().card(Step.RECV).status()) == StageStatus.ACTIVE);
            List<String> calls = fx(() -> List.copyOf(vm.program().calls()));
            assertThat(calls).anyMatch(l -> l.contains("bind(3, {sa_family=AF_INET, sin_port=htons(" + port + ")"));
            assertThat(calls).anyMatch(l -> l.contains("hello stage\\n") && l.contains("= 12"));
            assertThat(fx(() -> List.copyOf(vm.program().output())))
                    .anyMatch(l -> l.contains("stdout: echo_server: listening on 127.0.0.1:" + port));
            ListView<?> shown = robot.lookup("#program-calls").queryAs(ListView.class);
            assertThat(fx(() -> shown.getItems().size())).isEqualTo(calls.size());
        }

        Set<Integer> pids = new HashSet<>(program.livePids());
        pids.add(pid);
        robot.interact(() -> robot.lookup("#program-stop").queryAs(Button.class).fire());
        assertThat(program.awaitEnd(WAIT)).isTrue();
        await().atMost(WAIT).until(() -> pids.stream().noneMatch(TracedProgramInTheWindowTest::alive));
        assertThat(free(port)).as("Stop frees the port").isTrue();
        assertThat(RecentPrograms.open().list()).first().extracting(RecentPrograms.Entry::command)
                .isEqualTo(CommandWords.join(argv));

        // the check from the window: the same battery as --check-program, its report in the Program tab
        Button check = robot.lookup("#program-check").queryAs(Button.class);
        await().atMost(WAIT).until(() -> !fx(check::isDisable));
        robot.interact(check::fire);
        await().atMost(Duration.ofMinutes(2)).until(() -> !fx(() -> vm.program().checks().runningProperty().get()));
        String report = fx(() -> vm.program().checks().reportProperty().get());
        assertThat(report).startsWith("Checking " + CommandWords.join(argv)).contains("9 passed, 0 failed");
        assertThat(fx(() -> vm.program().checks().statusProperty().get())).contains("9 passed, 0 failed");
        assertThat(free(port)).as("the check leaves the port free").isTrue();
    }

    @Test
    void closingTheWindowEndsTheProgramAndFreesItsPort(FxRobot robot) throws Exception {
        int port = Programs.freePort();
        ProgramLaunch launch = new ProgramLaunch(Programs.command(PracticeProgram.FORK, port), null,
                OptionalInt.of(port), Optional.empty());
        MainWindow w = open(robot);
        MainViewModel vm = w.viewModel();
        robot.interact(() -> w.traceProgram(launch));
        await().atMost(WAIT).until(() -> fx(() -> vm.lane().card(Step.LISTEN).status()) == StageStatus.OK);
        TracedProgram program = ProgramSource.traced(vm.session().server()).orElseThrow();
        Set<Integer> pids = new HashSet<>();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // a forked worker serves this client: the close must end it too
            await().atMost(WAIT).until(() -> program.livePids().size() >= 2);
            pids.addAll(program.livePids());
            robot.interact(() -> w.stage().close());
            assertThat(vm.session().awaitClosed(WAIT)).isTrue();
        }
        await().atMost(WAIT).until(() -> pids.stream().noneMatch(TracedProgramInTheWindowTest::alive));
        assertThat(free(port)).as("closing the window frees the port").isTrue();
    }

    private static MenuItem traceMenuItem(MainWindow w) {
        MenuBar bar = (MenuBar) w.stage().getScene().getRoot().lookup("#menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "trace-program-menu-item".equals(i.getId())).findFirst().orElseThrow();
    }

    /** A process that still exists and is not a zombie waiting to be reaped. */
    private static boolean alive(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
