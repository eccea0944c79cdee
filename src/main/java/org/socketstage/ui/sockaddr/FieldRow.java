package org.socketstage.ui.sockaddr;

/** One member of the struct as the panel shows it: name, bytes in hex, and what the bytes mean. */
public record FieldRow(SockaddrField field, int offset, int length, String hex, String meaning) {}
