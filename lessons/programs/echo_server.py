#!/usr/bin/env python3
"""echo_server.py - an iterative TCP echo server in Python.

Run:   python3 echo_server.py 9090
Trace: java -jar socketstage.jar --no-gui --program -- python3 echo_server.py 9090

Python retries a call interrupted by a signal (EINTR) by itself, ignores SIGPIPE (a send to a gone client
raises BrokenPipeError instead) and sendall() loops until every byte is sent.
"""
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9090

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    listener.bind(("127.0.0.1", port))
    listener.listen(5)
except OSError as e:
    sys.exit(f"echo_server.py: cannot listen on port {port}: {e.strerror}")
print(f"echo_server.py: listening on 127.0.0.1:{port}", flush=True)

while True:
    try:
        conn, peer = listener.accept()
    except OSError as e:               # EMFILE, ECONNABORTED: one client's problem
        print(f"accept: {e.strerror}", file=sys.stderr, flush=True)
        continue
    with conn:                         # closes the connection whatever happens
        try:
            while True:
                data = conn.recv(4096)
                if not data:           # the client closed its side
                    break
                conn.sendall(data)
        except OSError as e:           # ECONNRESET, EPIPE: this client is gone
            print(f"{peer}: {e.strerror}", file=sys.stderr, flush=True)
