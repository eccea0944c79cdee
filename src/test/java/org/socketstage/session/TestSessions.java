package org.socketstage.session;

import org.socketstage.event.EventBus;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.NativeSocketApi;

/** Sessions as the tests use them: libc sockets, the kernel seen through /proc, loopback, live pacing. */
public final class TestSessions {

    private TestSessions() {}

    /** Loopback, a port the kernel picks, the iterative server. */
    public static ServerConfig anyPort() {
        return ServerConfig.defaults().withPort(0);
    }

    public static Session loopback(EventBus bus, ServerConfig config) {
        return new Session(new SessionSetup(bus, new NativeSocketApi(), LinuxKernelView::new, config, PacingMode.LIVE, 0));
    }

    /** A session as the window starts one: the best socket layer here, default settings, run mode. */
    public static Session forWindow(EventBus bus) {
        return new Session(new SessionSetup(bus, org.socketstage.socket.SocketBackend.auto(), LinuxKernelView::new,
                ServerConfig.defaults(), SessionSetup.DEFAULT_MODE, SessionSetup.DEFAULT_DELAY_MILLIS));
    }

    public static Session forWindow() {
        return forWindow(new EventBus());
    }

    public static Session loopback(EventBus bus) {
        return loopback(bus, anyPort());
    }
}
