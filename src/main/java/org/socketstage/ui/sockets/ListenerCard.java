package org.socketstage.ui.sockets;

/**
 * The listening socket as an object.
 *
 * @param fd      its descriptor, or -1 before socket() returned
 * @param address the address it is bound to, or the empty string before bind()
 * @param state   a short state text from the message bundle ({@code LISTEN}, {@code bound} …)
 * @param failed  true when its last call failed
 */
public record ListenerCard(int fd, String address, String state, boolean failed) {}
