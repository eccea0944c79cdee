#!/usr/bin/env python3
"""ready.py VARIANTS.json ROUNDS: launch -> listening, for several launch commands taken in turn.

VARIANTS.json maps a name to a command (a list of words); the word PORT is replaced by a free loopback port.
Each round starts every command once, in the file's order, and times from the start of the process until the
kernel lists a LISTEN socket on that port (asked every 2 ms through sock_diag for its listening sockets alone,
about 0.06 ms of CPU a look; /proc/net/tcp and tcp6 only where sock_diag does not answer, since each read of them
costs the kernel 4-5 ms of CPU, which looked for every 2 ms took most of a core from the start being timed); then it
stops the process.
Prints, for each name, the median and least wall time and the median CPU time (user + system, all threads) the
process had used by then. Alternating the commands spreads the machine's own noise over all of them; the
measurement journal (src/test/bench/JOURNAL.md) quotes these runs as "ready.py, N alternated starts".

Example, the trace mode's jar against the plain Java server of the test tree:
  {"plain": ["java", "-cp", "target/test-classes", "org.socketstage.bench.PlainEchoServer", "PORT", "128"],
   "trace": ["java", "-XX:SharedArchiveFile=target/cds/trace.jsa", "-jar", "target/socketstage.jar",
             "--no-gui", "--port", "PORT"]}
"""
import json
import os
import socket
import struct
import subprocess
import sys
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
TCP_LISTEN = 10
_diag = []


def listening_diag(port):
    """Asks the kernel for its listening TCP sockets alone (sock_diag, as `ss -l` does): about 0.06 ms of CPU."""
    if not _diag:
        _diag.append(socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_SOCK_DIAG))
    diag = _diag[0]
    for family in (socket.AF_INET, socket.AF_INET6):
        # struct inet_diag_req_v2: family, protocol, extensions, padding, states, then a zeroed inet_diag_sockid
        request = struct.pack("=BBBBI48x", family, socket.IPPROTO_TCP, 0, 0, 1 << TCP_LISTEN)
        diag.send(struct.pack("=IHHII", 16 + len(request), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
                  + request)
        found = done = False
        while not done:
            data = diag.recv(65536)
            at = 0
            while at + 16 <= len(data):
                length, kind = struct.unpack_from("=IH", data, at)
                if kind in (NLMSG_DONE, NLMSG_ERROR) or length < 16:
                    done = True
                    break
                # struct inet_diag_msg: family, state, timer, retransmits, then the source port in network order
                if struct.unpack_from("!H", data, at + 16 + 4)[0] == port:
                    found = True
                at += (length + 3) & ~3
        if found:
            return True
    return False


def listening_proc(port):
    """The same from /proc/net/tcp and tcp6: about 4-5 ms of the kernel's CPU a look (it walks its whole table)."""
    suffix = ":%04X" % port
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as rows:
                next(rows)
                for row in rows:
                    fields = row.split()
                    if fields[1].endswith(suffix) and fields[3] == "0A":
                        return True
        except OSError:
            pass
    return False


def listening(port):
    try:
        return listening_diag(port)
    except OSError:
        return listening_proc(port)


def cpu_ms(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return float("nan")


def start_once(command, timeout_s=30):
    port = free_port()
    words = [w.replace("PORT", str(port)) for w in command]
    t0 = time.perf_counter()
    process = subprocess.Popen(words, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not listening(port):
            if process.poll() is not None:
                sys.stderr.write("exited before listening: %s\n%s\n" % (" ".join(words),
                                                                        process.stderr.read().decode()[:500]))
                return None
            if time.perf_counter() - t0 > timeout_s:
                sys.stderr.write("not listening after %d s: %s\n" % (timeout_s, " ".join(words)))
                return None
            time.sleep(0.002)
        return (time.perf_counter() - t0) * 1000.0, cpu_ms(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1]) as f:
        variants = json.load(f)
    rounds = int(argv[2])
    results = {name: [] for name in variants}
    for _ in range(rounds):
        for name, command in variants.items():
            r = start_once(command)
            if r is not None:
                results[name].append(r)
    for name, runs in results.items():
        if not runs:
            print("%-40s no start reached listen()" % name)
            continue
        wall = sorted(r[0] for r in runs)
        cpu = sorted(r[1] for r in runs)
        print("%-40s wall median %6.0f ms (min %4.0f) cpu median %5.0f ms  (%d starts)"
              % (name, wall[len(wall) // 2], wall[0], cpu[len(cpu) // 2], len(runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
