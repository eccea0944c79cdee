package org.socketstage.ui.code;

import static org.socketstage.event.Step.ACCEPT;
import static org.socketstage.event.Step.BIND;
import static org.socketstage.event.Step.CLOSE_CLIENT;
import static org.socketstage.event.Step.CLOSE_LISTENER;
import static org.socketstage.event.Step.LISTEN;
import static org.socketstage.event.Step.RECV;
import static org.socketstage.event.Step.SEND;
import static org.socketstage.event.Step.SETSOCKOPT;
import static org.socketstage.event.Step.SOCKADDR;
import static org.socketstage.event.Step.SOCKET;
import static org.socketstage.ui.code.StageAnchor.block;
import static org.socketstage.ui.code.StageAnchor.call;
import static org.socketstage.ui.code.StageAnchor.uncheckedCall;

import java.util.EnumMap;
import java.util.Map;
import org.socketstage.event.Step;

/**
 * The one place that maps each Step to its lines in the two listings shown in the code panel. Edit the
 * listings freely: the line numbers follow, and loading fails naming the anchor if one no longer matches.
 */
public final class StageLines {

    public static final String C_RESOURCE = "/code/echo_server.c";
    public static final String JAVA_RESOURCE = "/code/EchoServer.java";

    private StageLines() {}

    /**
     * The checks a "forgot to check" fault leaves out. A program that never looks at socket()'s result carries
     * fd -1 on, and setsockopt(-1, …) fails too; the engine's unchecked run goes past that failure as well
     * (a program with the setsockopt check would stop there, before the bind() the lane shows). So the listing
     * for that fault leaves out both checks: compiled, it does exactly what the lane shows.
     */
    public static java.util.Set<Step> checksLeftOut(Step stage) {
        return stage == SOCKET ? java.util.EnumSet.of(SOCKET, SETSOCKOPT) : java.util.EnumSet.of(stage);
    }

    public static CodeListing cListing() {
        return CodeListing.load("C", C_RESOURCE, cAnchors());
    }

    public static CodeListing javaListing() {
        return CodeListing.load("Java", JAVA_RESOURCE, javaAnchors());
    }

    static Map<Step, StageAnchor> cAnchors() {
        Map<Step, StageAnchor> m = new EnumMap<>(Step.class);
        m.put(SOCKET, call("= socket(AF_INET", "if (listenfd == -1)"));
        m.put(SETSOCKOPT, call("= setsockopt(", "if (rc == -1)"));
        m.put(SOCKADDR, block("struct sockaddr_in addr;", "rc = inet_pton(", "if (rc != 1)"));
        m.put(BIND, call("rc = bind(", "if (rc == -1)"));
        m.put(LISTEN, call("rc = listen(", "if (rc == -1)"));
        m.put(ACCEPT, call("= accept(listenfd", "if (connfd == -1)"));
        m.put(RECV, call("= recv(connfd", "if (n == -1)"));
        m.put(SEND, call("= send(connfd", "if (sent == -1)"));
        m.put(CLOSE_CLIENT, call("rc = close(connfd)", "if (rc == -1)"));
        m.put(CLOSE_LISTENER, call("rc = close(listenfd)", "if (rc == -1)"));
        return m;
    }

    /** Java has no -1 checks: an exception jumps to the catch block, which is what lights up here. */
    static Map<Step, StageAnchor> javaAnchors() {
        Map<Step, StageAnchor> m = new EnumMap<>(Step.class);
        m.put(SOCKET, call("ServerSocketChannel.open()", "catch (IOException e)"));
        m.put(SETSOCKOPT, call(".setOption(", "catch (IOException e)"));
        m.put(SOCKADDR, block("// sockaddr_in:", "new InetSocketAddress(", null));
        // bind and listen share one line: java.nio binds and listens in a single call
        m.put(BIND, call("listener.bind(", "catch (BindException e)"));
        m.put(LISTEN, call("listener.bind(", "catch (BindException e)"));
        m.put(ACCEPT, call("listener.accept()", "catch (IOException e)"));
        m.put(RECV, call("client.read(", "catch (IOException e)"));
        m.put(SEND, call("client.write(", "catch (IOException e)"));
        m.put(CLOSE_CLIENT, uncheckedCall("client.close()"));
        m.put(CLOSE_LISTENER, uncheckedCall("// close(listener)"));
        return m;
    }
}
