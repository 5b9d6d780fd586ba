#!/usr/bin/env python3
"""Move latency against key echo, measured in tmux (issue 8).

Two ways of timing a key, each for two panes:
- echo: a pane running `cat` echoing a character (the terminal's own key-to-screen time);
- move: planbord on a board of 5 columns x 400 cards, `L` / `H` moving the selected card
  right and left (every move is saved to disk by the worker, after the frame).

`screen`: send the key with `tmux send-keys`, then run `tmux capture-pane` until the screen
shows the change: what a user sees, tmux's own work included (each look costs a few ms).
`output`: tmux in control mode reports the first bytes the pane writes after the key
(`%output`), without tmux's drawing: the program's own reaction time.

Usage: cargo build --release && python3 benches/latency.py [samples]
"""
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("PLANBORD_BIN", os.path.join(ROOT, "target", "release", "planbord"))
SAMPLES = int(sys.argv[1]) if len(sys.argv) > 1 else 60


def board(path):
    cols = ["c%d" % i for i in range(5)]
    cards = []
    for i in range(2000):
        cards.append('Kaart(id: "k%04d", titel: "Kaart nummer %d met een titel", kolom: "%s", '
                     'eigenaar: "rsluiter", voortgang: %d)' % (i, i, cols[i % 5], (i * 7) % 100))
    kolommen = ", ".join('Kolom(id: "%s", naam: "Kolom %d")' % (c, i) for i, c in enumerate(cols))
    text = ('Bord(versie: 1, id: "groot", titel: "Groot bord", soort: Clusterkamer(cluster: "wijken"), '
            'kolommen: [%s], kaarten: [%s])\n' % (kolommen, ", ".join(cards)))
    with open(path, "w") as f:
        f.write(text)


class Control:
    """tmux in control mode: commands in, notifications out."""

    def __init__(self, socket, session):
        self.p = subprocess.Popen(["tmux", "-L", socket, "-C", "attach", "-t", session],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        os.set_blocking(self.p.stdout.fileno(), False)
        self.buf = b""

    def send(self, cmd):
        self.p.stdin.write((cmd + "\n").encode())

    def drain(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.read_lines()
            time.sleep(0.01)
        self.buf = b""

    def read_lines(self):
        try:
            chunk = self.p.stdout.read(65536)
        except BlockingIOError:
            chunk = None
        if chunk:
            self.buf += chunk
        lines = self.buf.split(b"\n")
        self.buf = lines[-1]
        return lines[:-1]

    def time_key(self, key, timeout=2.0):
        """Seconds from sending `key` to the pane's first output after it."""
        self.drain(0.3)
        t0 = time.monotonic()
        self.send("send-keys " + key)
        while time.monotonic() - t0 < timeout:
            # Block until tmux says something: a spinning reader would steal the CPU the
            # measured program needs.
            select.select([self.p.stdout], [], [], timeout)
            for line in self.read_lines():
                if line.startswith(b"%output"):
                    return time.monotonic() - t0
        return None

    def time_screen(self, socket, key, timeout=2.0):
        """Seconds from sending `key` until `capture-pane` shows a different screen."""
        self.drain(0.3)
        cap = ["tmux", "-L", socket, "capture-pane", "-p", "-t", "s"]
        before = subprocess.run(cap, capture_output=True).stdout
        t0 = time.monotonic()
        subprocess.run(["tmux", "-L", socket, "send-keys", "-t", "s", key])
        while time.monotonic() - t0 < timeout:
            if subprocess.run(cap, capture_output=True).stdout != before:
                return time.monotonic() - t0
        return None

    def close(self):
        self.p.stdin.close()
        self.p.terminate()


def measure(socket, command, keys):
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "160", "-y", "45", "-s", "s",
                    command], check=True)
    time.sleep(1.5)
    c = Control(socket, "s")
    c.drain(0.5)
    return c


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    tmp = tempfile.mkdtemp()
    try:
        werkmap = os.path.join(tmp, "werkmap")
        os.mkdir(werkmap)
        shutil.copy(os.path.join(ROOT, "boards", "organisatie.ron"), werkmap)
        board(os.path.join(werkmap, "groot.ron"))
        # Echo of the terminal itself.
        sock = "latency-echo-%d" % os.getpid()
        c = measure(sock, "cat", None)
        echo = [c.time_key("x") for _ in range(SAMPLES)]
        echo_screen = [c.time_screen(sock, "x") for _ in range(SAMPLES)]
        c.close()
        subprocess.run(["tmux", "-L", sock, "kill-server"])
        # planbord moving a card right and left on the 2,000-card board.
        sock = "latency-move-%d" % os.getpid()
        cmd = "PLANBORD_CONFIG=/nonexistent %s %s --vandaag 2026-11-23" % (
            BIN, os.path.join(werkmap, "groot.ron"))
        c = measure(sock, cmd, None)
        c.send("send-keys Enter")
        c.drain(1.0)
        move = []
        for i in range(SAMPLES):
            move.append(c.time_key("L" if i % 2 == 0 else "H"))
        move_screen = []
        for i in range(SAMPLES):
            move_screen.append(c.time_screen(sock, "L" if i % 2 == 0 else "H"))
        c.close()
        subprocess.run(["tmux", "-L", sock, "kill-server"])
    finally:
        time.sleep(1)
        shutil.rmtree(tmp, ignore_errors=True)
    def med(xs):
        return statistics.median([x for x in xs if x is not None]) * 1000

    for name, xs in (("screen: echo", echo_screen), ("screen: move", move_screen),
                     ("output: echo", echo), ("output: move", move)):
        ok = sorted(x * 1000 for x in xs if x is not None)
        print("%-13s median %6.2f ms  p90 %6.2f ms  (%d of %d samples)" % (
            name, statistics.median(ok), ok[int(len(ok) * 0.9)], len(ok), len(xs)))
    print("screen: move / echo = %.2f (target <= 1.5)" % (med(move_screen) / med(echo_screen)))


if __name__ == "__main__":
    main()
