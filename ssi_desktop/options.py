"""The options of ``ssi-desktop`` itself (``--data``, ``--smoke``, ``--version``), which the
command line and the app both take.

Kept apart from the command line so that opening the app reads them without loading the
commands, the store or the model first (benchmarks/: start).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .exit_codes import EXIT_BAD_INPUT

#: ``--data ""`` (an unset shell variable) must not quietly mean the default store.
EMPTY_DATA = "--data: is empty; give the store file (or leave --data out for the default)"


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit code is 2 too; keep its text
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def base_parser() -> argparse.ArgumentParser:
    """The options of ``ssi-desktop`` itself, which opening the app takes too."""
    parser = Parser(
        prog="ssi-desktop",
        description="Track, understand and raise your LinkedIn Social Selling "
        "Index. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"ssi-desktop {__version__}")
    parser.add_argument(
        "--data",
        metavar="FILE",
        help="the store file (default: $SSI_DESKTOP_DATA, or the user's data folder)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the main window, render every tab and chart, exit 0",
    )
    return parser


def names_a_command(argv: Sequence[str]) -> bool:
    """True unless ``argv`` only holds the app's own options (no command, no help)."""
    args = iter(argv)
    for arg in args:
        if arg in ("-h", "--help") or not arg.startswith("-"):
            return True
        if arg == "--data":
            next(args, None)
    return False


def app_options(argv: Sequence[str]) -> argparse.Namespace:
    """``--data`` and ``--smoke`` for opening the app (``--version`` and errors exit here)."""
    parser = base_parser()
    options = parser.parse_args(argv)
    if options.data is not None and not options.data.strip():
        parser.exit(EXIT_BAD_INPUT, f"ssi-desktop: {EMPTY_DATA}\n")
    return options
