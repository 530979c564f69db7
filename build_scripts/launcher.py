"""Entry script PyInstaller freezes: the same ``ssi-desktop`` command as ``python -m ssi_desktop``.

``ssi_desktop/__main__.py`` uses a relative import, which only works when run as a package, so
the frozen executable starts here instead.
"""

import sys

from ssi_desktop.entry import main

sys.exit(main())
