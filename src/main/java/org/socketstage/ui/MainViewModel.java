package org.socketstage.ui;

import org.socketstage.event.EventBus;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketApi;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.controls.SettingsViewModel;
import org.socketstage.ui.lane.LaneViewModel;
import org.socketstage.ui.sockets.SocketsViewModel;

/** The main window's ViewModels, wired to one event bus and one socket layer for the app's whole life. */
public final class MainViewModel {

    private final Texts texts;
    private final EventBus bus;
    private final SocketApi api;
    private final ViewFeed feed;
    private final LaneViewModel lane;
    private final SocketsViewModel sockets;
    private final SettingsViewModel settings;
    private final ServerControlViewModel control;
    private final PresentationViewModel presentation = new PresentationViewModel();

    public MainViewModel(Texts texts, EventBus bus, SocketApi api) {
        this(texts, bus, api, ViewFeed.DEFAULT_HISTORY);
    }

    public MainViewModel(Texts texts, EventBus bus, SocketApi api, int historyCapacity) {
        this.texts = texts;
        this.bus = bus;
        this.api = api;
        this.feed = new ViewFeed(historyCapacity);
        this.lane = new LaneViewModel(texts);
        this.sockets = new SocketsViewModel(texts);
        this.settings = new SettingsViewModel(texts);
        this.control = new ServerControlViewModel(settings, api, bus);
        feed.addSink(lane);
        feed.addSink(sockets);
        feed.addLiveSink(control);
    }

    /** What the included panes get: the bus, the socket layer and the settings chosen now. */
    public AppServices services() {
        return new AppServices(bus, api, () -> settings.toConfig().orElse(ServerConfig.defaults()));
    }

    /** The same, with the classroom the instructor panel drives. */
    public AppServices servicesWith(org.socketstage.instructor.Classroom classroom) {
        return new AppServices(bus, api, () -> settings.toConfig().orElse(ServerConfig.defaults()), classroom);
    }

    public SocketApi api() {
        return api;
    }

    public String socketApiName() {
        return api == null ? "none" : api.name();
    }

    public Texts texts() {
        return texts;
    }

    public EventBus bus() {
        return bus;
    }

    public ViewFeed feed() {
        return feed;
    }

    public LaneViewModel lane() {
        return lane;
    }

    public SocketsViewModel sockets() {
        return sockets;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ServerControlViewModel control() {
        return control;
    }

    public PresentationViewModel presentation() {
        return presentation;
    }
}
