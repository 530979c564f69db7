"""The ``ssi-desktop`` command (also ``python -m ssi_desktop`` and the packaged executable).

With no command it opens the desktop app, else it runs the command line. Only this module
knows both: the command line never imports the app (nor any of ``ui``), and the app never
imports the command line, so each can be read, tested and started alone.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .options import app_options, names_a_command


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if names_a_command(argv):
        from . import cli

        return cli.main(argv)
    # Opening the app: the command line (its commands, importers, calibration …) is not
    # needed, and importing it would add to every start.
    options = app_options(argv)
    from .app import main as run_app

    return run_app(data=options.data, smoke=options.smoke)
