"""The ``ssi-desktop`` command (also ``python -m ssi_desktop`` and the packaged executable).

With no command it opens the desktop app, else it runs the command line. Only this module
knows both: the command line never imports the app (nor any of ``ui``), and the app never
imports the command line, so each can be read, tested and started alone.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import cli


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if cli.names_a_command(argv):
        return cli.main(argv)
    # Opening the app: the command modules (importers, calibration …) are not needed, and
    # importing them all would add to every start.
    options = cli.app_options(argv)
    from .app import main as run_app

    return run_app(data=options.data, smoke=options.smoke)
