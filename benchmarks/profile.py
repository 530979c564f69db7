"""Where a figure's time goes: ``python -m benchmarks.profile start|save``.

Runs the same process the figure measures under ``pyinstrument`` (the ``bench`` extra) and
writes its call tree to ``benchmarks/.data/profile-<figure>.txt``. For ``save`` look under
``save`` (the saves themselves) rather than the set-up that precedes them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import data
from .startup import REPO, isolated_env

#: Sampling interval: fine enough for a save of tens of milliseconds.
INTERVAL_S = "0.0005"
SAVES = 20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("figure", choices=("start", "save"))
    parser.add_argument("--days", type=int, default=data.TEN_YEARS)
    parser.add_argument("--data-dir", type=Path, default=data.DATA_DIR)
    args = parser.parse_args(argv)
    store = data.scratch_copy(data.store_path(args.days, data.SEED, args.data_dir), "profile.json")
    out = args.data_dir / f"profile-{args.figure}.txt"
    if args.figure == "start":
        target = ["-m", "benchmarks.drive_window", "app", str(store)]
    else:
        target = ["-m", "benchmarks.save", str(store), str(SAVES)]
    command = [sys.executable, "-m", "pyinstrument", "--interval", INTERVAL_S, "-o", str(out),
               *target]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, env=isolated_env(args.data_dir / "home"))
    if done.returncode == 0:
        print(f"call tree written to {out}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
