"""The import's size-dependent cost on a messages-heavy export, against a plain ``csv`` read.

A realistic ``messages.csv`` of about 7 MB: conversations listed newest first as LinkedIn
writes them, some messages sent in the same second as the one after them (a text and its
attachment), some with line breaks inside the quoted text. The figure is the slope: what the
import adds per extra byte of messages, over what a bare ``csv.reader`` adds, measured between
the full file and its older half (fixed costs such as the zip and the other files cancel out).

Run: ``python -m benchmarks.messages_import`` (prints the figures; exit 1 above 3 ×).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

from .linkedin_export import _csv, _seconds, _words, plain_csv_read

TARGET = 3.0
MESSAGES = 24_000
HEADER = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
          "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
          "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]  # fmt: skip


def _rows(count: int, ties_from: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    people = [f"person-{i}" for i in range(1500)]
    conversations = [(f"2-{rng.getrandbits(64):x}", rng.choice(people)) for _ in range(4000)]
    moment = datetime(2025, 6, 30, 18, 0, 0)
    rows = []
    conversation, other = conversations[0]
    sender = "me"
    for index in range(count):
        # 3 % (from ``ties_from`` on) are sent in the same second as the message listed
        # before them, by the same sender in the same conversation (a text and its file).
        if rng.random() >= 0.03 or index < ties_from:
            moment -= timedelta(seconds=rng.randrange(1, 20_000))
            conversation, other = rng.choice(conversations)
            sender = "me" if rng.random() < 0.45 else other
        words = _words(rng, rng.randrange(8, 50))
        if rng.random() < 0.1:
            words = words.replace(" ", "\n", 2)
        rows.append([conversation, "", sender.title(), f"https://www.linkedin.com/in/{sender}",
                     "", "", moment.strftime("%Y-%m-%d %H:%M:%S") + " UTC", "", words, "INBOX",
                     "", "No", "No"])  # fmt: skip
    return rows


def write_export(folder: Path, rows: list[list[str]], name: str) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.csv", _csv(HEADER, rows))
        archive.writestr("Profile.csv", _csv(["First Name", "Last Name"], [["Me", "Myself"]]))
    return path


#: Where messages sent in the same second start: everywhere, or only among the oldest (a
#: one-pass reader that gave up there would have read the whole file for nothing).
VARIANTS = {
    "same-second messages throughout": 0,
    "same-second messages only at the end": MESSAGES - 60,
}


def measure(ties_from: int, repeats: int = 5) -> dict[str, float]:
    from ssi_desktop.core.linkedin import read_export

    rows = _rows(MESSAGES, ties_from)
    with tempfile.TemporaryDirectory() as folder:
        full = write_export(Path(folder), rows, "full.zip")
        half = write_export(Path(folder), rows[len(rows) // 2 :], "half.zip")
        with zipfile.ZipFile(full) as archive:
            size = archive.getinfo("messages.csv").file_size
        times: dict[str, list[float]] = {"full": [], "half": [], "floor_full": [], "floor_half": []}
        for _ in range(repeats):  # alternate, so every figure sees the same machine
            times["floor_full"].append(_seconds(lambda: plain_csv_read(full)))
            times["full"].append(_seconds(lambda: read_export(full)))
            times["floor_half"].append(_seconds(lambda: plain_csv_read(half)))
            times["half"].append(_seconds(lambda: read_export(half)))
    m = {k: statistics.median(v) for k, v in times.items()}
    slope = (m["full"] - m["half"]) / (m["floor_full"] - m["floor_half"])
    return {"messages_bytes": float(size), **m, "ratio": m["full"] / m["floor_full"],
            "size_ratio": slope}  # fmt: skip


def main() -> int:
    worst = 0.0
    for label, ties_from in VARIANTS.items():
        figures = measure(ties_from)
        worst = max(worst, figures["size_ratio"])
        print(
            f"messages-heavy import, {label} ({figures['messages_bytes'] / 1e6:.1f} MB "
            f"messages.csv): import {figures['full'] * 1000:.0f} ms vs plain csv read "
            f"{figures['floor_full'] * 1000:.0f} ms ({figures['ratio']:.2f} ×); size-dependent "
            f"cost {figures['size_ratio']:.2f} × a plain csv read (target ≤ {TARGET:g} ×)"
        )
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
