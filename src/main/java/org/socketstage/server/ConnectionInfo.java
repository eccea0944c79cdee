package org.socketstage.server;

import org.socketstage.socket.SockAddrIn;

/** A snapshot of one accepted connection as the server sees it. */
public record ConnectionInfo(int fd, SockAddrIn peer, long bytesIn, long bytesOut) {}
