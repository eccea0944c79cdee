#!/usr/bin/env python3
"""ready.py VARIANTS.json ROUNDS: launch -> listening, for several launch commands taken in turn.

VARIANTS.json maps a name to a command (a list of words); the word PORT is replaced by a free loopback port.
Each round starts every command once, in the file's order, and times from the start of the process until the
kernel lists a LISTEN socket on that port (/proc/net/tcp and tcp6, polled every 2 ms); then it stops the process.
Prints, for each name, the median and least wall time and the median CPU time (user + system, all threads) the
process had used by then. Alternating the commands spreads the machine's own noise over all of them; the
README's "Speed" section quotes these runs as "ready.py, N alternated starts".

Example, the trace mode's jar against the plain Java server of the test tree:
  {"plain": ["java", "-cp", "target/test-classes", "org.socketstage.bench.PlainEchoServer", "PORT", "128"],
   "trace": ["java", "-XX:SharedArchiveFile=target/cds/trace.jsa", "-jar", "target/socketstage.jar",
             "--no-gui", "--port", "PORT"]}
"""
import json
import os
import socket
import subprocess
import sys
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port):
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
