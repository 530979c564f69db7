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

from ..core.validation import ValidationError
from ..options import EMPTY_DATA, Parser, app_options, base_parser, names_a_command
from ..storage import StoreError
from .common import EXIT_BAD_INPUT, EXIT_STORE, CliError, Context

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


def build_parser() -> argparse.ArgumentParser:
    parser = base_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


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
