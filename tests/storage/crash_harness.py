"""Kill a process that is saving, again and again, and check the store after every kill.

Run as a script: ``python crash_harness.py FOLDER KILLS SEED``; prints one JSON object with the
figures. Each round forks a writer that opens the store (taking over the lock the previous,
killed writer left behind) and saves one new day after another, reporting each save through
a pipe only once ``set_activity`` has returned. After a random delay the writer gets SIGKILL;
the harness then opens the store and checks that it opens, that it holds exactly the saves
reported done plus at most the one in flight, and that every value is the one written.

Forking (rather than starting a new interpreter per round) keeps 200+ rounds well inside a
CI-friendly time; the writer still runs the real Store code in a separate process.
"""

from __future__ import annotations

import json
import os
import random
import signal
import struct
import sys
import time
from datetime import timedelta
from pathlib import Path

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.sample import generate
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store, StoreError

#: The crash test's own days, far before the sample data, one per save.
FIRST_DAY = today() - timedelta(days=3600)
KEY = "engage.comments"
_ACK = struct.Struct("<I")


def _value(n: int) -> int:
    return n % 40 + 1


def _crash_days(store: Store) -> dict[int, int]:
    return {
        (e.day - FIRST_DAY).days: e.counts.get(KEY, 0)
        for e in store.activity()
        if FIRST_DAY <= e.day < FIRST_DAY + timedelta(days=3000)
    }


def _writer(path: Path, ack_fd: int) -> None:
    store = Store.open(path)
    n = len(_crash_days(store))
    while True:
        store.set_activity(ActivityEntry.create(FIRST_DAY + timedelta(days=n), {KEY: _value(n)}))
        os.write(ack_fd, _ACK.pack(n))
        n += 1


def _read_acks(fd: int) -> list[int]:
    raw = b""
    while chunk := os.read(fd, 65536):
        raw += chunk
    return [_ACK.unpack_from(raw, i)[0] for i in range(0, len(raw) - len(raw) % 4, 4)]


def run(folder: Path, kills: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    path = folder / "store.json"
    sample = generate(days=400, seed=seed)
    with Store.open(path) as store:
        store.add_records(activity=sample.activity, readings=sample.readings, notes=sample.notes)
    expected = 0  # saves known to be in the file
    figures = {
        "kills": 0,
        "broken_files": 0,
        "lost_saves": 0,
        "wrong_values": 0,
        "acknowledged_saves": 0,
        "unacknowledged_saves_kept": 0,
        "kills_mid_write": 0,
        "stale_lock_takeovers": 0,
    }
    problems: list[str] = []
    started = time.monotonic()
    for round_no in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_fd)
            try:
                _writer(path, write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acks = _read_acks(read_fd)
        os.close(read_fd)
        figures["kills"] += 1
        figures["acknowledged_saves"] += len(acks)
        leftovers = list(folder.glob(".store.json.*.tmp")) + list(
            (folder / "backups").glob(".*.tmp")
        )
        figures["kills_mid_write"] += bool(leftovers)
        lock_left = (folder / "store.json.lock").exists()
        try:
            with Store.open(path) as store:
                days = _crash_days(store)
        except StoreError as exc:
            figures["broken_files"] += 1
            problems.append(f"round {round_no}: {exc}")
            break
        figures["stale_lock_takeovers"] += lock_left
        held = len(days)
        done = acks[-1] + 1 if acks else expected
        if sorted(days) != list(range(held)) or held < max(done, expected):
            figures["lost_saves"] += max(done, expected) - held
            problems.append(f"round {round_no}: holds {held} saves, {done} acknowledged")
        if held > done + 1:
            problems.append(f"round {round_no}: {held} saves but only {done} made")
        figures["unacknowledged_saves_kept"] += held - done
        figures["wrong_values"] += sum(v != _value(n) for n, v in days.items())
        expected = held
    figures["seconds"] = round(time.monotonic() - started, 1)
    figures["saves_in_store"] = expected
    figures["problems"] = problems[:10]
    return figures


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))))
