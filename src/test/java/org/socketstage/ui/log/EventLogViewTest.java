package org.socketstage.ui.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.socketstage.ui.text.UiText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.record.EventSpool;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.PaneLoader;
import org.socketstage.ui.PaneSnapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventLogViewTest {

    @TempDir
    Path out;

    private final EventBus bus = new EventBus();
    private final java.util.concurrent.ExecutorService exports = java.util.concurrent.Executors.newSingleThreadExecutor();
    private org.socketstage.record.EventSpool spool;
    private EventLogView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        UiText text = UiText.load();
        EventLogViewModel model = new EventLogViewModel(text, exports);
        try {
            spool = org.socketstage.record.EventSpool.open(bus);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model.useSpool(spool);
        PaneLoader.Loaded<EventLogView> loaded = PaneLoader.load("/fxml/log/EventLogView.fxml", new EventLogView(model, text));
        view = loaded.controller();
        view.chooseExportTargetWith(format -> out.resolve("export." + format.extension()));
        scene = new Scene(loaded.root(), 1100, 520);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        robot.interact(view::shutdown);
        exports.shutdownNow();
        spool.close();
    }

    /** Publishes on the bus (the spool hears it) and hands the same event to the log, as the main window does. */
    private void publish(FxRobot robot, EventBus.EventFactory factory) {
        ServerEvent e = bus.publish(factory);
        published.add(e);
        robot.interact(() -> {
            view.viewModel().apply(e);
            view.viewModel().publish();
        });
    }

    private final List<ServerEvent> published = new java.util.ArrayList<>();

    private void feedASession(FxRobot robot) {
        SockAddrIn addr = SockAddrIn.loopback(9090);
        SockAddrIn peer = SockAddrIn.loopback(51234);
        Errno inUse = Errno.byName("EADDRINUSE").orElseThrow();
        publish(robot, (s, t) -> new ServerEvent.StateChanged(s, t, Actor.SERVER, ServerState.RUNNING, "started"));
        publish(robot, (s, t) -> new ServerEvent.CallStarted(s, t, Actor.SERVER, org.socketstage.event.Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"));
        publish(robot, (s, t) -> new ServerEvent.CallReturned(s, t, Actor.SERVER, org.socketstage.event.Step.SOCKET, "socket",
                "AF_INET, SOCK_STREAM, 0", 3, null, false, null, null, null, null, 20));
        publish(robot, (s, t) -> new ServerEvent.CallReturned(s, t, Actor.SERVER, org.socketstage.event.Step.BIND, "bind",
                "3, " + addr.straceText() + ", 16", -1, inUse, false, null, null, addr, addr.structBytes(), 30));
        publish(robot, (s, t) -> new ServerEvent.CallReturned(s, t, Actor.SERVER, org.socketstage.event.Step.ACCEPT, "accept",
                "3, " + peer.straceText() + ", [16]", 5, null, false, null, null, peer, null, 40));
        publish(robot, (s, t) -> new ServerEvent.CallReturned(s, t, Actor.connection(5, peer), org.socketstage.event.Step.SEND,
                "send", "5, \"hi\\n\", 3, MSG_NOSIGNAL", -1, Errno.byName("EPIPE").orElseThrow(), true, null, null, null, null, 5));
        // the table follows its ViewModel once per pulse
        await().atMost(Duration.ofSeconds(5)).until(() -> rowCount(robot) == 6);
    }

    private int rowCount(FxRobot robot) {
        AtomicReference<Integer> n = new AtomicReference<>();
        robot.interact(() -> n.set(table(robot).getItems().size()));
        return n.get();
    }

    private TableView<LogRow> table(FxRobot robot) {
        return robot.lookup(".log-table").queryTableView();
    }

    @Test
    void errorsOnlyAndTheActorFilterNarrowTheTable(FxRobot robot) {
        feedASession(robot);
        assertThat(table(robot).getItems()).hasSize(6);

        robot.clickOn(".log-errors-only");

        await().atMost(Duration.ofSeconds(5)).until(() -> rowCount(robot) == 2);
        assertThat(table(robot).getItems()).extracting(LogRow::errno).containsExactly("EADDRINUSE", "EPIPE");
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "log-errors-only"));

        robot.interact(() -> view.viewModel().actorFilterProperty().set(view.viewModel().actorChoices().stream()
                .filter(f -> f.kind() == Actor.Kind.CONNECTION && f.actorLabel() == null).findFirst().orElseThrow()));
        await().atMost(Duration.ofSeconds(5)).until(() -> rowCount(robot) == 1);
        assertThat(table(robot).getItems()).singleElement().extracting(LogRow::errno).isEqualTo("EPIPE");
    }

    @Test
    void ctrlCCopiesTheSelectedRows(FxRobot robot) {
        feedASession(robot);
        robot.interact(() -> {
            table(robot).getSelectionModel().selectRange(3, 5);
            table(robot).requestFocus();
        });

        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);

        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        List<String> lines = copied.get().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("4\t").contains("\tbind(3, {sa_family=AF_INET").endsWith("\t-1\tEADDRINUSE");
        assertThat(lines.get(1)).startsWith("5\t").contains("\taccept(3, ");
    }

    @Test
    void theContextMenuCopiesTheSelectedRowsToo(FxRobot robot) {
        feedASession(robot);
        robot.interact(() -> {
            Clipboard.getSystemClipboard().clear();
            table(robot).getSelectionModel().select(2);
        });

        // Monocle does not turn a right click into a context-menu request, so the menu is opened directly
        robot.interact(() -> table(robot).getContextMenu().show(table(robot), javafx.geometry.Side.TOP, 40, 60));
        robot.clickOn("Copy rows (Ctrl+C)");

        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).startsWith("3\t").contains("\tsocket(AF_INET, SOCK_STREAM, 0)\t3\t");
    }

    @Test
    void exportWritesEveryEventAsJsonLinesAndStraceText(FxRobot robot) throws Exception {
        feedASession(robot);

        robot.clickOn(".log-export");
        robot.clickOn("Export as JSON Lines…");
        Path jsonl = out.resolve("export.jsonl");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(jsonl)
                && Files.readAllLines(jsonl, StandardCharsets.UTF_8).size() == 6);
        List<String> json = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertThat(json.get(3)).contains("\"seq\":4").contains("EADDRINUSE");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup(".log-export-status").queryAs(Label.class)
                .getText().startsWith("Exported 6 lines to "));

        robot.clickOn(".log-export");
        robot.clickOn("Export as strace text…");
        Path strace = out.resolve("export.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(strace)
                && Files.readAllLines(strace, StandardCharsets.UTF_8).size() == 5);
        assertThat(Files.readAllLines(strace, StandardCharsets.UTF_8))
                .contains("[server] bind(3, {sa_family=AF_INET, sin_port=htons(9090), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 EADDRINUSE (Address already in use)")
                .anyMatch(l -> l.startsWith("[conn 5 127.0.0.1:51234] send(") && l.endsWith("[simulated]"));
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "log-after-export"));
    }

    @Test
    void theViewDropsOldRowsButTheExportKeepsThemAll(FxRobot robot) throws Exception {
        int total = EventLogViewModel.DEFAULT_CAPACITY + 100;
        List<ServerEvent> published = new java.util.ArrayList<>();
        for (int i = 0; i < total; i++) {
            int n = i;
            published.add(bus.publish((s, t) -> new ServerEvent.Notice(s, t, Actor.SERVER, "event " + n)));
        }
        robot.interact(() -> {
            published.forEach(view.viewModel()::apply);
            view.viewModel().publish(); // one batch, as the feed hands it over
        });

        assertThat(table(robot).getItems()).hasSize(EventLogViewModel.DEFAULT_CAPACITY);
        assertThat(table(robot).getItems().get(0).result()).isEqualTo("event 100");
        Label dropped = robot.lookup(".log-dropped").queryAs(Label.class);
        assertThat(dropped.isVisible()).isTrue();
        assertThat(dropped.getText()).isEqualTo("100 older events dropped from view (the export still has them)");
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "log-bounded"));

        robot.clickOn(".log-export");
        robot.clickOn("Export as JSON Lines…");
        Path jsonl = out.resolve("export.jsonl");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(jsonl)
                && Files.readAllLines(jsonl, StandardCharsets.UTF_8).size() == total);
        assertThat(Files.readAllLines(jsonl, StandardCharsets.UTF_8).get(0)).contains("\"text\":\"event 0\"");
    }

    @Test
    void theScrubbedMomentIsHighlighted(FxRobot robot) {
        feedASession(robot);
        robot.interact(() -> view.viewModel().showMoment(4));

        PseudoClass moment = PseudoClass.getPseudoClass("moment");
        List<TableRow<?>> marked = robot.lookup(".log-table .table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(moment))
                .<TableRow<?>>map(n -> (TableRow<?>) n).toList();
        assertThat(marked).singleElement().satisfies(r -> assertThat(((LogRow) r.getItem()).seq()).isEqualTo(4));
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "log-moment"));

        robot.interact(() -> view.viewModel().showLive());
        assertThat(robot.lookup(".log-table .table-row-cell").queryAll().stream()
                .map(Node::getPseudoClassStates).noneMatch(s -> s.contains(moment))).isTrue();
    }

    /** Issue 12: after the scrubber replayed the history, the Actor box showed nothing (its choice was dropped). */
    @Test
    void theActorFilterKeepsItsChoiceWhenTheScrubberReplaysTheHistory(FxRobot robot) {
        feedASession(robot);
        javafx.scene.control.ComboBox<ActorFilter> box = robot.lookup(".log-actor-filter").queryComboBox();
        ActorFilter connections = view.viewModel().actorChoices().stream()
                .filter(f -> f.kind() == Actor.Kind.CONNECTION && f.actorLabel() == null).findFirst().orElseThrow();
        robot.interact(() -> box.getSelectionModel().select(connections));
        await().atMost(Duration.ofSeconds(5)).until(() -> rowCount(robot) == 1);

        // what the history scrubber does: the log starts again and the events up to the moment come back
        robot.interact(() -> {
            view.viewModel().reset();
            published.subList(0, 5).forEach(view.viewModel()::apply);
            view.viewModel().showMoment(published.get(4).seq());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isEqualTo(connections);
        assertThat(view.viewModel().actorFilterProperty().get()).isEqualTo(connections);
        assertThat(box.getSelectionModel().getSelectedItem()).as("the box shows it").isEqualTo(connections);
        assertThat(box.getSelectionModel().getSelectedIndex()).isEqualTo(box.getItems().indexOf(connections));
        assertThat(table(robot).getItems()).allMatch(r -> r.actor().kind() == Actor.Kind.CONNECTION);

        robot.interact(() -> {
            view.viewModel().reset();
            published.forEach(view.viewModel()::apply);
            view.viewModel().showLive();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> rowCount(robot) == 1);
        assertThat(box.getValue()).isEqualTo(connections);
    }

    /** Issue 12: a client's getsockname() came out as "struct sockaddr_in addr = {31, …}" with no bytes. */
    @Test
    void theStraceExportWritesGetsocknameAsStraceDoes(FxRobot robot) throws Exception {
        SockAddrIn server = SockAddrIn.loopback(9090);
        SockAddrIn local = SockAddrIn.loopback(41234);
        Actor client = Actor.client(31, local);
        publish(robot, (s, t) -> new ServerEvent.CallReturned(s, t, Actor.SERVER, org.socketstage.event.Step.SOCKADDR,
                "sockaddr_in", "sin_family=AF_INET, sin_port=htons(9090), sin_addr=inet_addr(\"127.0.0.1\")", 0, null, false,
                null, null, server, server.structBytes(), 1));
        publish(robot, (s, t) -> new ServerEvent.CallReturned(s, t, client, org.socketstage.event.Step.SOCKADDR,
                "getsockname", "31, " + local.straceText() + ", [16]", 0, null, false, null, null, local, null, 9));
        await().atMost(Duration.ofSeconds(5)).until(() -> rowCount(robot) == 2);

        robot.clickOn(".log-export");
        robot.clickOn("Export as strace text…");
        Path strace = out.resolve("export.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(strace)
                && Files.readAllLines(strace, StandardCharsets.UTF_8).size() == 2);
        List<String> lines = Files.readAllLines(strace, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("[server] struct sockaddr_in addr = {sin_family=AF_INET, sin_port=htons(9090)")
                .contains("/* 02 00 23 82 7f 00 00 01");
        assertThat(lines.get(1)).isEqualTo("[" + client.label() + "] getsockname(31, {sa_family=AF_INET, "
                + "sin_port=htons(41234), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0");
        assertThat(lines).noneMatch(l -> l.contains("struct sockaddr_in addr = {31"));
    }
}
