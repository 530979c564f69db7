"""``ssi-desktop``: the command line, also the contract the tests and the packaged app use.

Exit codes (spec §4): 0 done; 2 bad input or usage — the message names the field and why,
and nothing was written; 3 the store cannot be used — the message says why and where, and
the file was left as it was. With no command, ``ssi_desktop.entry`` opens the desktop app
instead: nothing here imports the app.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__
from ..core.validation import ValidationError
from ..storage import StoreError
from .common import EXIT_BAD_INPUT, EXIT_STORE, CliError, Context

#: ``--data ""`` (an unset shell variable) must not quietly mean the default store.
EMPTY_DATA = "--data: is empty; give the store file (or leave --data out for the default)"

#: One module per group of commands; each has ``register(subparsers)``.
COMMAND_MODULES = (
    "records",
    "inputs",
    "scores",
    "explain",
    "maintenance",
    "model",
    "transfer",
    "backups",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit code is 2 too; keep its text
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _base_parser() -> argparse.ArgumentParser:
    """The options of ``ssi-desktop`` itself, which opening the app takes too."""
    parser = _Parser(
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


def build_parser() -> argparse.ArgumentParser:
    parser = _base_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def app_options(argv: Sequence[str]) -> argparse.Namespace:
    """``--data`` and ``--smoke`` for opening the app (``--version`` and errors exit here)."""
    parser = _base_parser()
    options = parser.parse_args(argv)
    if options.data is not None and not options.data.strip():
        parser.exit(EXIT_BAD_INPUT, f"ssi-desktop: {EMPTY_DATA}\n")
    return options


def names_a_command(argv: Sequence[str]) -> bool:
    """True unless ``argv`` only holds the app's own options (no command, no help)."""
    args = iter(argv)
    for arg in args:
        if arg in ("-h", "--help") or not arg.startswith("-"):
            return True
        if arg == "--data":
            next(args, None)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (``ssi_desktop.entry`` sends everything else to the app)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data is not None and not args.data.strip():
        return _fail(args.command or "", EMPTY_DATA, EXIT_BAD_INPUT)
    if args.command is None:
        parser.error("name a command (or run ssi-desktop without one to open the app)")
    context = Context(args.data)
    try:
        return int(args.func(args, context) or 0)
    except CliError as exc:
        return _fail(args.command, str(exc), exc.code)
    # Every command's bad input and failed writes end here, batches included: exit 2 or 3
    # with the reason, never a traceback.
    except ValidationError as exc:
        return _fail(args.command, str(exc), EXIT_BAD_INPUT)
    except StoreError as exc:
        return _fail(args.command, str(exc), EXIT_STORE)
    except BrokenPipeError:  # `ssi-desktop score | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (stdout for the rest of the exit)
        return 0
    finally:
        context.close()


def _fail(command: str, message: str, code: int) -> int:
    print(f"ssi-desktop{f' {command}' if command else ''}: {message}", file=sys.stderr)
    return code


__all__ = ["EXIT_BAD_INPUT", "EXIT_STORE", "app_options", "build_parser", "main", "names_a_command"]
