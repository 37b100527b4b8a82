"""Benchmarks for phones as ballots: the real app in a pseudo-terminal, simulated phones
over loopback. Prints one table; nothing here passes or fails.

    python bench/phones.py          # about a minute on 2 cores
    python bench/phones.py --quick  # fewer key presses

- a room votes within one second (300, then 1,000 phones): from each ballot sent to the new
  count drawn on the shared screen (p50, p95, max), and lost or double ballots;
- key to screen on the lobby while 300 phones vote (Tab moves between the lobby's
  buttons), against the same key on an idle lobby, interleaved;
- memory (RSS) of the app with 1,000 phones connected (joined, event stream open),
  above the idle lobby.

"Drawn" is conservative: a ballot counts as drawn when its answer has come back and the
terminal shows a count at least as high as the number of answers received by then.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pty_driver import PtyProgram  # noqa: E402

COUNT = re.compile(r"(\d+) av (\d+) har röstat")
CTRL_S, TAB = "\x13", "\t"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Lobby:
    """The app on its voting lobby, with a thread that notes when each count is drawn."""

    def __init__(self, data: Path, group: int, margin: int):
        self.data = data
        (data / "kiosk.toml").write_text(
            f'[network]\nadvertise = "127.0.0.1"\ntoken_margin = {margin}\n', encoding="utf-8"
        )
        self.port = free_port()
        self.prog = PtyProgram(
            [
                sys.executable,
                str(ROOT / "run.py"),
                "--data-dir",
                str(data),
                "--config",
                str(data / "kiosk.toml"),
                "--mode",
                "workshop",
                "--listen",
                f"127.0.0.1:{self.port}",
            ],
            width=120,
            height=40,
            cwd=ROOT,
        )
        self.prog.wait_for_text("Förbered workshopen")
        self.prog.drain(0.3)
        for _ in range(4):  # to the group size field, one key at a time
            self.prog.send(TAB)
            self.prog.drain(0.2)
        self.prog.send(str(group))
        self.prog.wait_for_text(f"  {group}")
        self.prog.send(CTRL_S)
        self.prog.wait_for_text("Rösta med telefonen")
        self.prog.drain(0.5)
        db = sqlite3.connect(data / "innovationslek.sqlite3")
        self.room = db.execute("SELECT room FROM phone_rooms").fetchone()[0]
        db.close()
        self.base = f"http://127.0.0.1:{self.port}/v/{self.room}"
        self.drawn: list[tuple[float, int]] = []  # (time, count on screen) at each change
        self.watching = False

    def watch(self) -> None:
        """Read the terminal in a thread; note each new count with its time."""
        self.watching = True

        def run() -> None:
            import select

            last = -1
            while self.watching:
                ready, _, _ = select.select([self.prog.master], [], [], 0.05)
                if not ready:
                    continue
                try:
                    chunk = os.read(self.prog.master, 65536)
                except OSError:
                    return
                now = time.perf_counter()
                self.prog._feed(chunk)
                found = COUNT.search(self.prog.text())
                if found and int(found.group(1)) != last:
                    last = int(found.group(1))
                    self.drawn.append((now, last))

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def stop_watching(self) -> None:
        self.watching = False
        self.thread.join()

    def rss_kib(self) -> int:
        with open(f"/proc/{self.prog.proc.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stored(self) -> int:
        db = sqlite3.connect(self.data / "innovationslek.sqlite3")
        try:
            return db.execute("SELECT COUNT(*) FROM ballots WHERE undone_at IS NULL").fetchone()[0]
        finally:
            db.close()

    def stop(self) -> None:
        self.prog.stop()


async def join_all(client, base: str, n: int) -> list[dict]:
    async def one() -> dict:
        async with client.post(f"{base}/join", json={}) as r:
            assert r.status == 200, r.status
            return await r.json()

    return await asyncio.gather(*(one() for _ in range(n)))


async def vote_spread(client, base: str, tokens: list[str], answers: dict, seconds: float) -> list[tuple]:
    """Every token votes once, sends spread evenly over ``seconds``; returns (sent, answered, status)."""
    start = time.perf_counter()

    async def one(i: int, token: str) -> tuple:
        await asyncio.sleep(max(0.0, start + seconds * i / len(tokens) - time.perf_counter()))
        sent = time.perf_counter()
        async with client.post(f"{base}/ballot", data=json.dumps({"token": token, "answers": answers})) as r:
            await r.read()
            return sent, time.perf_counter(), r.status

    return await asyncio.gather(*(one(i, t) for i, t in enumerate(tokens)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def bench_room(phones: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        lobby = Lobby(Path(folder), group=min(phones, 500), margin=max(3, phones - min(phones, 500)))
        try:
            lobby.watch()
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as client:
                joined = await join_all(client, lobby.base, phones)
                answers = {q["id"]: 2 for q in joined[0]["questions"]}
                results = await vote_spread(client, lobby.base, [j["token"] for j in joined], answers, 1.0)
                again = await asyncio.gather(
                    *(
                        client.post(f"{lobby.base}/ballot", json={"token": j["token"], "answers": answers})
                        for j in joined[:50]
                    )
                )
                doubles_refused = sum(1 for r in again if r.status == 409)
                for r in again:
                    r.release()
            deadline = time.perf_counter() + 10
            while (not lobby.drawn or lobby.drawn[-1][1] < phones) and time.perf_counter() < deadline:
                await asyncio.sleep(0.05)
            lobby.stop_watching()
            answered = sorted(results, key=lambda r: r[1])
            latencies = []
            for rank, (sent, done, status) in enumerate(answered, 1):
                drawn_at = next((t for t, count in lobby.drawn if count >= rank and t >= done), None)
                if status == 200 and drawn_at is not None:
                    latencies.append((drawn_at - sent) * 1000)
            ok = sum(1 for r in results if r[2] == 200)
            stored = lobby.stored()
        finally:
            lobby.stop()
    return [
        f"{phones} phones within 1 s: ballot sent to count drawn",
        f"p50 {percentile(latencies, 50):.0f} ms, p95 {percentile(latencies, 95):.0f} ms, "
        f"max {max(latencies):.0f} ms ({len(latencies)} measured)",
        f"answered 200: {ok}, stored: {stored}, lost: {ok - stored if stored < ok else 0}, "
        f"double: {max(0, stored - phones)}, second ballots refused: {doubles_refused} of 50",
    ]


async def bench_keys_while_voting(presses: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        lobby = Lobby(Path(folder), group=300, margin=10)
        prog = lobby.prog
        try:
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as client:
                joined = await join_all(client, lobby.base, 300)
                answers = {q["id"]: 2 for q in joined[0]["questions"]}
                idle, busy = [], []
                tokens = [j["token"] for j in joined]
                per_round = max(1, len(tokens) // presses)
                for i in range(presses):  # interleaved: idle presses, then the same during a burst
                    idle.append(await asyncio.to_thread(lambda: prog.first_output_after(TAB) * 1000))
                    burst = tokens[i * per_round : (i + 1) * per_round]
                    voting = asyncio.create_task(vote_spread(client, lobby.base, burst, answers, 0.3))
                    await asyncio.sleep(0.02)
                    busy.append(await asyncio.to_thread(lambda: prog.first_output_after(TAB) * 1000))
                    await voting
        finally:
            lobby.stop()
    return [
        "lobby key to screen while 300 phones vote",
        f"Tab: median {statistics.median(busy):.1f} ms (idle lobby {statistics.median(idle):.1f} ms, "
        f"ratio {statistics.median(busy) / statistics.median(idle):.2f}), {presses} presses each",
    ]


async def bench_memory(phones: int, joining: int) -> list[str]:
    """RSS with ``phones`` event streams open, each on its own connection, after they joined
    ``joining`` at a time (all at once is the burst of a room scanning together)."""
    with tempfile.TemporaryDirectory() as folder:
        lobby = Lobby(Path(folder), group=500, margin=max(3, phones - 500))
        try:
            await asyncio.sleep(1.0)
            idle = lobby.rss_kib()
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=joining)) as client:
                await join_all(client, lobby.base, phones)
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as client:
                streams = await asyncio.gather(*(client.get(f"{lobby.base}/events") for _ in range(phones)))
                await asyncio.gather(*(s.content.readline() for s in streams))
                await asyncio.sleep(1.0)
                connected = lobby.rss_kib()
                for s in streams:
                    s.close()
        finally:
            lobby.stop()
    how = "all joining at once" if joining == 0 else f"joining {joining} at a time"
    return [
        f"memory with {phones} phones connected (event stream open), {how}",
        f"+{(connected - idle) / 1024:.1f} MiB above the idle lobby"
        f" ({idle / 1024:.1f} -> {connected / 1024:.1f} MiB RSS)",
    ]


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    out = []
    out += await bench_room(300)
    out += await bench_room(1000)
    out += await bench_keys_while_voting(10 if args.quick else 30)
    out += await bench_memory(1000, joining=0)
    out += await bench_memory(1000, joining=20)
    for line in out:
        print(line if line[0].isdigit() or line.startswith(("lobby", "memory")) else "    " + line)
    print(f"\n{time.perf_counter() - started:.0f} s on {os.cpu_count()} cores; python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
