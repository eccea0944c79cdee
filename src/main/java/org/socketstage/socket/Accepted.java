package org.socketstage.socket;

/** What accept() returns: the new connected socket and the peer's address. */
public record Accepted(int fd, SockAddrIn peer) {}
