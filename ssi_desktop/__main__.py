"""``python -m ssi_desktop``: the same entry as the ``ssi-desktop`` command."""

import sys

from .entry import main

sys.exit(main())
